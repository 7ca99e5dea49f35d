-- Capstan health script for flink.apache.org/FlinkDeployment (Flink Kubernetes operator).
local status = obj.status or {}
local reconciliation = status.reconciliationStatus or {}
local jobManager = status.jobManagerDeploymentStatus
if jobManager == "ERROR" or (reconciliation.error ~= nil and reconciliation.error ~= "") then
  return { status = "Degraded", message = reconciliation.error or "" }
end
if jobManager == "READY" then
  return { status = "Healthy", message = "" }
end
-- A suspended job has no JobManager deployment; that is its desired state.
if jobManager == "MISSING" and status.jobStatus ~= nil and status.jobStatus.state == "SUSPENDED" then
  return { status = "Healthy", message = "" }
end
return { status = "Progressing", message = "Waiting for deploying" }
