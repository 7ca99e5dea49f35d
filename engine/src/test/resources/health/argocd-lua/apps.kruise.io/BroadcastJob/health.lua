-- Capstan health script for apps.kruise.io/BroadcastJob, by status.phase.
local phase = obj.status and obj.status.phase
if phase == "completed" then
  return { status = "Healthy", message = "BroadcastJob is completed successfully" }
elseif phase == "failed" then
  return { status = "Degraded", message = "BroadcastJob failed" }
elseif phase == "paused" then
  return { status = "Suspended", message = "BroadcastJob is Paused" }
end
return { status = "Progressing", message = "BroadcastJob is still running" }
