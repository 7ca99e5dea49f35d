-- Capstan health script for apps.3scale.net/APIManager: the Available condition.
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  if c.type == "Available" then
    if c.status == "True" then
      return { status = "Healthy", message = "3scale APIManager is available" }
    end
    if c.reason ~= nil and c.reason ~= "" then
      return { status = "Degraded", message = "3scale APIManager is degraded: " .. c.reason }
    end
  end
end
return { status = "Progressing", message = "Waiting for 3scale APIManager status..." }
