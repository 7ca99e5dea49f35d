-- Capstan health script for Google Config Connector resources (*.cnrm.cloud.google.com).
local inProgress = { status = "Progressing", message = "Update in progress" }
if obj.status == nil then
  return inProgress
end
if obj.metadata.generation ~= nil and obj.status.observedGeneration ~= nil
    and obj.status.observedGeneration ~= obj.metadata.generation then
  return inProgress
end
-- The operator objects (ConfigConnector, ConfigConnectorContext) report a boolean.
if obj.status.healthy ~= nil then
  if obj.status.healthy then
    return { status = "Healthy", message = obj.kind .. " is healthy" }
  end
  return { status = "Degraded", message = obj.kind .. " is not healthy" }
end
if obj.status.conditions ~= nil then
  for _, c in ipairs(obj.status.conditions) do
    if c.type == "Ready" then
      if c.status == "True" then
        return { status = "Healthy", message = c.message }
      end
      if c.reason == "Updating" then
        return { status = "Progressing", message = c.message }
      elseif c.reason == "DependencyNotReady" then
        return { status = "Suspended", message = c.message }
      end
      return { status = "Degraded", message = c.message }
    end
  end
end
return inProgress
