-- Capstan health script for install.istio.io/IstioOperator, by the overall status.
local verdicts = {
  HEALTHY = { "Healthy", "Component is healthy." },
  UPDATING = { "Progressing", "Component is being updated to a different version." },
  RECONCILING = { "Progressing", "Controller has started but not yet completed reconciliation loop for the component." },
  ERROR = { "Degraded", "Component is in an error state." },
  ACTION_REQUIRED = { "Degraded", "Overwrite of the component requires user action." },
}
local verdict = obj.status and obj.status.status and verdicts[obj.status.status]
if verdict == nil then
  return { status = "Progressing", message = "Waiting for the operator to report status" }
end
return { status = verdict[1], message = verdict[2] }
