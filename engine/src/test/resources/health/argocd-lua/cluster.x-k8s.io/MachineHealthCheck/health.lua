-- Capstan health script for cluster.x-k8s.io/MachineHealthCheck: all expected machines healthy.
if obj.status == nil or obj.status.expectedMachines == nil then
  return { status = "Progressing", message = "" }
end
if (obj.status.currentHealthy or 0) < obj.status.expectedMachines then
  return { status = "Degraded", message = "" }
end
return { status = "Healthy", message = "" }
