-- Capstan health script for tower.ansible.com/AnsibleJob, by the job result's status.
local verdicts = {
  successful = "Healthy",
  new = "Progressing", pending = "Progressing", waiting = "Progressing", running = "Progressing",
  failed = "Degraded", error = "Degraded", canceled = "Degraded",
}
if obj.status ~= nil and obj.status.ansibleJobResult ~= nil then
  local result = obj.status.ansibleJobResult
  local verdict = verdicts[result.status]
  if verdict ~= nil then
    return { status = verdict, message = result.status .. " job - " .. (result.url or "") }
  end
end
return { status = "Progressing", message = "Waiting for AnsibleJob" }
