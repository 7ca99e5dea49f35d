-- Capstan health script for policy/PodDisruptionBudget: the DisruptionAllowed condition's reason.
local reasons = {}
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  if c.type == "DisruptionAllowed" and c.reason ~= nil then reasons[c.reason] = true end
end
if reasons["SyncFailed"] then
  return { status = "Degraded", message = "PodDisruptionBudget has SyncFailed" }
end
if reasons["SufficientPods"] then
  return { status = "Healthy", message = "PodDisruptionBudget has SufficientPods" }
end
if reasons["InsufficientPods"] then
  return { status = "Progressing", message = "PodDisruptionBudget has InsufficientPods" }
end
return { status = "Progressing", message = "Waiting for status" }
