-- Capstan health script for AWS Controllers for Kubernetes resources (*.services.k8s.aws).
local conditions = (obj.status and obj.status.conditions) or {}
local ready = nil
for _, c in ipairs(conditions) do
  if c.type == "ACK.Terminal" and c.status == "True" then
    return { status = "Degraded", message = c.message or "" }
  end
  if c.type == "Ready" then ready = c end
end
if ready == nil then
  return { status = "Progressing", message = "Waiting for resource to be ready" }
end
if ready.status == "True" then
  return { status = "Healthy", message = "" }
end
return { status = "Progressing", message = ready.message or "" }
