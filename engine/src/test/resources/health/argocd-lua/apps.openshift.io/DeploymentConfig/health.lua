-- Capstan health script for apps.openshift.io/DeploymentConfig.
local byType = {}
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  byType[c.type] = c
end
local progressing = byType["Progressing"]
if progressing ~= nil and progressing.status == "True" and progressing.reason == "NewReplicationControllerAvailable" then
  return { status = "Healthy", message = "replication controller successfully rolled out" }
end
local available = byType["Available"]
if available ~= nil and available.status == "False" then
  return { status = "Degraded", message = "Deployment config is degraded" }
end
return { status = "Progressing", message = "replication controller is waiting for pods to run" }
