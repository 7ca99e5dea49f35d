-- Capstan health script for cluster.x-k8s.io/MachineDeployment, by status.phase.
if obj.spec ~= nil and obj.spec.paused == true then
  return { status = "Suspended", message = "MachineDeployment is paused" }
end
local phase = obj.status and obj.status.phase
if phase == "Running" then
  return { status = "Healthy", message = "Machines are running under this deployment" }
elseif phase == "ScalingUp" then
  return { status = "Progressing", message = "Cluster is spawning machines" }
elseif phase == "ScalingDown" then
  return { status = "Progressing", message = "Cluster is stopping machines" }
elseif phase == "Failed" then
  return { status = "Degraded", message = "MachineDeployment is failed" }
end
return { status = "Progressing", message = "Waiting for machines" }
