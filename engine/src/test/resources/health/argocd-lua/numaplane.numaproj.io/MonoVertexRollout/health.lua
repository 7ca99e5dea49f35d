-- Capstan health script for Numaplane rollouts (numaplane.numaproj.io/*Rollout).
local notReconciled = { status = "Progressing", message = "Not yet reconciled" }
if obj.status == nil or obj.status.observedGeneration == nil then
  return notReconciled
end
if obj.metadata.generation ~= nil and obj.status.observedGeneration < obj.metadata.generation then
  return notReconciled
end
if obj.status.phase == "Failed" then
  return { status = "Degraded", message = obj.status.message or "" }
end
if obj.status.phase == "Pending" then
  return { status = "Progressing", message = "Update in progress" }
end
-- The child kind: PipelineRollout -> Pipeline, ISBServiceRollout -> ISBService, ...
local child = string.gsub(obj.kind, "Rollout$", "")
local byType = {}
for _, c in ipairs(obj.status.conditions or {}) do
  byType[c.type] = c
end
local upgrade = byType["ProgressiveUpgradeSucceeded"]
if upgrade ~= nil and upgrade.status == "False" then
  return { status = "Degraded", message = "Progressive upgrade failed" }
end
local paused = byType[child .. "PausingOrPaused"]
if paused ~= nil and paused.status == "True" then
  return { status = "Healthy", message = child .. " paused" }
end
local healthy = byType["ChildResourcesHealthy"]
if healthy ~= nil and healthy.status ~= "True" then
  if healthy.status == "False" and healthy.reason ~= "Progressing" then
    return { status = "Degraded", message = child .. " Failed" }
  end
  return { status = "Progressing", message = "Child Progressing" }
end
return { status = "Healthy", message = "Healthy" }
