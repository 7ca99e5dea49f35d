-- Capstan health script for monitoring.coreos.com/Prometheus (Prometheus operator).
if obj.status ~= nil and obj.status.paused == true then
  return { status = "Suspended", message = "Prometheus is paused" }
end
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  if c.type == "Available" then
    if c.status == "True" then
      return { status = "Healthy", message = "All instances are available" }
    elseif c.status == "Degraded" then
      return { status = "Progressing", message = c.reason or "" }
    end
    return { status = "Degraded", message = c.message or "" }
  end
end
return { status = "Progressing", message = "Waiting for Prometheus to report status" }
