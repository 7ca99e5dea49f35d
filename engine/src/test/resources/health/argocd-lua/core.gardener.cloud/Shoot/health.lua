-- Capstan health script for core.gardener.cloud/Shoot, from the shoot's health conditions.
local conditions = (obj.status and obj.status.conditions) or {}
if #conditions == 0 then
  return { status = "Degraded", message = "Component state: Unhealthy" }
end
-- The API server, control plane, nodes and system components carry the workload; a failure
-- there means the shoot is still being brought up. Other conditions (observability) leave
-- the shoot's health unknown.
local core = { APIServerAvailable = true, ControlPlaneHealthy = true, EveryNodeReady = true, SystemComponentsHealthy = true }
local unknown = false
for _, c in ipairs(conditions) do
  if c.status ~= "True" then
    if core[c.type] then
      return { status = "Progressing", message = "Component state: Update in progress" }
    end
    unknown = true
  end
end
if unknown then
  return { status = "Unknown", message = "Component state: Unknown" }
end
return { status = "Healthy", message = "Component state: Healthy" }
