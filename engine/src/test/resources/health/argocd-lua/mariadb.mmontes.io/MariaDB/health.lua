-- Capstan health script for the MariaDB operator's MariaDB kind: the Ready condition.
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  if c.type == "Ready" then
    if c.status == "True" then
      return { status = "Healthy", message = c.message or "" }
    end
    if c.reason == "Failed" then
      return { status = "Degraded", message = c.message or "" }
    end
    return { status = "Progressing", message = c.message or "" }
  end
end
return { status = "Progressing", message = "No status info available" }
