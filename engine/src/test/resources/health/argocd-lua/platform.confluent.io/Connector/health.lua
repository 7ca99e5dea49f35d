-- Capstan health script for platform.confluent.io/Connector.
local s = obj.status or {}
for _, c in ipairs(s.conditions or {}) do
  if c.type == "platform.confluent.io/app-ready" and c.status == "False" then
    return { status = "Degraded", message = c.message or "" }
  end
end
if (s.failedTasksCount or 0) > 0 then
  return { status = "Degraded", message = "Connector has failed tasks" }
end
if s.connectorState == "RUNNING" then
  return { status = "Healthy", message = "Connector running" }
end
return { status = "Progressing", message = "Connector provisioning" }
