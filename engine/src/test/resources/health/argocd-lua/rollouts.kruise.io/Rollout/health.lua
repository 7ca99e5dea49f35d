-- Capstan health script for rollouts.kruise.io/Rollout (Kruise Rollout).
local s = obj.status
if s == nil or s.observedGeneration == nil or (obj.metadata.generation ~= nil and s.observedGeneration < obj.metadata.generation) then
  return { status = "Progressing", message = "Rollout is still progressing" }
end
if s.phase == "Disabled" or s.phase == "Terminating" then
  return { status = "Degraded", message = "Rollout is Disabled or Terminating" }
end
if s.canaryStatus ~= nil and s.canaryStatus.currentStepState == "StepPaused" then
  return { status = "Suspended", message = "Rollout is Paused need manual intervention" }
end
if s.phase == "Healthy" then
  return { status = "Healthy", message = "Rollout is Completed" }
end
return { status = "Progressing", message = "Rollout is still progressing" }
