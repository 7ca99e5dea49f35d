-- Capstan health script for spot.io/SpotDeployment (Spot Ocean CD, Rollout-like conditions).
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  if c.type == "InvalidSpec" and c.status == "True" then
    return { status = "Degraded", message = c.message or "" }
  end
  if c.type == "Progressing" and (c.reason == "RolloutAborted" or c.reason == "ProgressDeadlineExceeded") then
    return { status = "Degraded", message = c.message or "" }
  end
end
local s = obj.status or {}
if (s.readyReplicas or 0) < ((obj.spec and obj.spec.replicas) or s.replicas or 0) then
  return { status = "Progressing", message = "Waiting for roll out to finish" }
end
return { status = "Healthy", message = "" }
