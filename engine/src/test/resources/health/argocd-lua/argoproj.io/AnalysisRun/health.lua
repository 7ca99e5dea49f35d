-- Capstan health script for argoproj.io/AnalysisRun (Argo Rollouts), by status.phase.
-- A status message from the controller, when present, replaces the default text.
local phases = {
  Pending = { "Progressing", "Analysis run is running" },
  Running = { "Progressing", "Analysis run is running" },
  Successful = { "Healthy", "Analysis run completed successfully" },
  Failed = { "Degraded", "Analysis run failed" },
  Error = { "Degraded", "Analysis run had an error" },
  Inconclusive = { "Unknown", "Analysis run was inconclusive" },
}
if obj.status == nil or obj.status.phase == nil or phases[obj.status.phase] == nil then
  return { status = "Progressing", message = "Waiting for analysis run to finish: status has not been reconciled." }
end
local verdict = phases[obj.status.phase]
local message = verdict[2]
if obj.status.message ~= nil and obj.status.message ~= "" and verdict[1] ~= "Progressing" then
  message = obj.status.message
end
return { status = verdict[1], message = message }
