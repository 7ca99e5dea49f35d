-- Capstan health script for SAP BTP service operator kinds (services.cloud.sap.com).
if obj.metadata.deletionTimestamp ~= nil then
  return { status = "Progressing", message = "Resource is being deleted" }
end
local conditions = (obj.status and obj.status.conditions) or {}
if #conditions == 0 then
  return { status = "Progressing", message = "Waiting for status" }
end
for _, c in ipairs(conditions) do
  if obj.metadata.generation ~= nil and c.observedGeneration ~= nil and c.observedGeneration < obj.metadata.generation then
    return { status = "Progressing", message = "Waiting for spec update to be observed" }
  end
end
for _, c in ipairs(conditions) do
  if c.type == "Failed" and c.status == "True" then
    return { status = "Degraded", message = c.message or "" }
  end
end
for _, c in ipairs(conditions) do
  if c.type == "Ready" and c.status == "True" then
    return { status = "Healthy", message = "Ready to use" }
  end
end
return { status = "Progressing", message = "Waiting for status" }
