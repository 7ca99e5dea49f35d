-- Capstan health script for argoproj.io/Experiment (Argo Rollouts), by status.phase.
local phases = {
  Pending = { "Progressing", "Experiment is pending" },
  Running = { "Progressing", "Experiment is running" },
  Successful = { "Healthy", "Experiment is successful" },
  Failed = { "Degraded", "Experiment has failed" },
  Error = { "Degraded", "Experiment had an error" },
}
local verdict = obj.status and obj.status.phase and phases[obj.status.phase]
if verdict == nil then
  return { status = "Progressing", message = "Waiting for experiment to finish: status has not been reconciled." }
end
return { status = verdict[1], message = verdict[2] }
