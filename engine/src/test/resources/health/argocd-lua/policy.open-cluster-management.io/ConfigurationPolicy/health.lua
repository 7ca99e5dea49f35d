-- Capstan health script for policy.open-cluster-management.io/ConfigurationPolicy.
local status = obj.status or {}
if status.compliant == nil then
  return { status = "Progressing", message = "Waiting for the status to be reported" }
end
if status.lastEvaluatedGeneration ~= obj.metadata.generation then
  return { status = "Progressing", message = "Waiting for the status to be updated" }
end
local parts = {}
for _, detail in ipairs(status.compliancyDetails or {}) do
  for _, c in ipairs(detail.conditions or {}) do
    parts[#parts + 1] = (c.type or "") .. " - " .. (c.message or "")
  end
end
local message = table.concat(parts, "; ")
if status.compliant == "Compliant" then
  return { status = "Healthy", message = message }
end
return { status = "Degraded", message = message }
