-- Capstan health script for objectbucket.io/ObjectBucketClaim, by phase.
local phase = obj.status and obj.status.phase
local verdicts = { Bound = "Healthy", Pending = "Progressing", Failed = "Degraded" }
if phase == nil then
  return { status = "Progressing", message = "Waiting for the claim to be processed" }
end
return { status = verdicts[phase] or "Progressing", message = "Object bucket claim phase is " .. phase }
