-- Capstan health script for apps.kruise.io/StatefulSet (OpenKruise Advanced StatefulSet).
local s = obj.status
if s == nil or s.observedGeneration == nil then
  return { status = "Progressing", message = "Waiting for initialization" }
end
local rolling = (obj.spec and obj.spec.updateStrategy and obj.spec.updateStrategy.rollingUpdate) or {}
if rolling.paused == true then
  return { status = "Suspended", message = "Statefulset is paused" }
end
local replicas = s.replicas or 0
local partition = rolling.partition or 0
if partition ~= 0 and (s.updatedReplicas or 0) >= replicas - partition then
  return { status = "Suspended", message = "Statefulset needs manual intervention" }
end
if (s.updatedAvailableReplicas or 0) < replicas or (s.updatedReadyReplicas or 0) < replicas then
  return { status = "Degraded", message = "Some replicas are not ready or available" }
end
return { status = "Healthy", message = "All Statefulset workloads are ready and updated" }
