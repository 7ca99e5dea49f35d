-- Capstan health script for k8s.mariadb.com SQL objects (Database, Grant, User): the Ready condition.
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  if c.type == "Ready" then
    if c.status == "True" then
      return { status = "Healthy", message = c.message or "" }
    end
    local reason = c.reason or ""
    if string.find(reason, "Fail", 1, true) ~= nil or string.find(reason, "Error", 1, true) ~= nil then
      return { status = "Degraded", message = c.message or "" }
    end
    return { status = "Progressing", message = c.message or "" }
  end
end
return { status = "Progressing", message = "Waiting for " .. obj.kind .. " to be created" }
