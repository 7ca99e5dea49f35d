-- Capstan health script for apps.kruise.io/CloneSet (OpenKruise).
local s = obj.status
if s == nil or s.observedGeneration == nil then
  return { status = "Progressing", message = "Waiting for initialization" }
end
local strategy = (obj.spec and obj.spec.updateStrategy) or {}
if strategy.paused == true then
  return { status = "Suspended", message = "Cloneset is paused" }
end
local replicas = s.replicas or 0
local partition = strategy.partition or 0
-- A partitioned rollout stops on purpose once the pods above the partition are updated.
if partition ~= 0 and (s.updatedReplicas or 0) >= (s.expectedUpdatedReplicas or (replicas - partition)) then
  return { status = "Suspended", message = "Cloneset needs manual intervention" }
end
if (s.updatedAvailableReplicas or 0) < replicas or (s.updatedReadyReplicas or 0) < replicas then
  return { status = "Degraded", message = "Some replicas are not ready or available" }
end
return { status = "Healthy", message = "All Cloneset workloads are ready and updated" }
