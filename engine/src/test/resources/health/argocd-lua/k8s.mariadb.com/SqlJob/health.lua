-- Capstan health script for k8s.mariadb.com job-like kinds (Backup, SqlJob): the Complete condition.
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  if c.type == "Complete" then
    local message = (c.reason or "") .. " " .. (c.message or "")
    if c.status ~= "True" or string.find(c.reason or "", "Failed", 1, true) ~= nil then
      return { status = "Degraded", message = message }
    end
    return { status = "Healthy", message = message }
  end
end
return { status = "Progressing", message = "Waiting for " .. obj.kind .. " to complete" }
