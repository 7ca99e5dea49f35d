-- Capstan health script for policy.open-cluster-management.io/OperatorPolicy.
local status = obj.status or {}
if status.compliant == nil then
  return { status = "Progressing", message = "Waiting for the status to be reported" }
end
if status.observedGeneration ~= nil and status.observedGeneration ~= obj.metadata.generation then
  return { status = "Progressing", message = "Waiting for the status to be updated" }
end
for _, c in ipairs(status.conditions or {}) do
  if c.type == "Compliant" then
    if c.status == "True" then
      return { status = "Healthy", message = c.message or "" }
    end
    return { status = "Degraded", message = c.message or "" }
  end
end
return { status = "Progressing", message = "Waiting for the compliance condition" }
