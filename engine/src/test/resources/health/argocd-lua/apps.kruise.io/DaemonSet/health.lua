-- Capstan health script for apps.kruise.io/DaemonSet (OpenKruise Advanced DaemonSet).
local s = obj.status
if s == nil or s.observedGeneration == nil or (s.desiredNumberScheduled or 0) == 0 then
  return { status = "Progressing", message = "Waiting for initialization" }
end
local rolling = (obj.spec and obj.spec.updateStrategy and obj.spec.updateStrategy.rollingUpdate) or {}
if rolling.paused == true then
  return { status = "Suspended", message = "Daemonset is paused" }
end
local desired = s.desiredNumberScheduled
local partition = rolling.partition or 0
if partition ~= 0 and (s.updatedNumberScheduled or 0) >= desired - partition then
  return { status = "Suspended", message = "Daemonset needs manual intervention" }
end
if (s.numberAvailable or 0) < desired or (s.numberReady or 0) < desired then
  return { status = "Degraded", message = "Some pods are not ready or available" }
end
return { status = "Healthy", message = "All Daemonset workloads are ready and updated" }
