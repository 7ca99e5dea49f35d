-- Capstan health script for argoproj.io/Rollout (Argo Rollouts).
local waitingForSpec = { status = "Progressing", message = "Waiting for rollout spec update to be observed" }

-- Before Argo Rollouts v0.10 status.observedGeneration held a hash of the spec, not a number;
-- such a value (or a number larger than the generation) is taken as observed.
local function specObserved(o)
  if o.status == nil then return false end
  local observed = tonumber(o.status.observedGeneration)
  local generation = o.metadata.generation
  if observed ~= nil and generation ~= nil and observed < generation then
    return false
  end
  if observed == nil and o.status.observedGeneration == nil then
    return false
  end
  -- A Rollout that references a workload also tracks the workload's generation.
  local annotations = o.metadata.annotations or {}
  local workloadGeneration = annotations["rollout.argoproj.io/workload-generation"]
  if workloadGeneration ~= nil and tostring(workloadGeneration) ~= tostring(o.status.workloadObservedGeneration) then
    return false
  end
  return true
end

local function replicasVerdict(o)
  local desired = o.spec.replicas or 1
  local replicas = o.status.replicas or 0
  local updated = o.status.updatedReplicas or 0
  local available = o.status.availableReplicas or 0
  if updated < desired then
    return "More replicas need to be updated"
  end
  if available < updated then
    return "updated replicas are still becoming available"
  end
  if replicas > updated then
    return "old replicas are pending termination"
  end
  return nil
end

if not specObserved(obj) then
  return waitingForSpec
end

-- Argo Rollouts v1.0 and later compute the phase themselves.
local phases = { Healthy = "Healthy", Paused = "Suspended", Progressing = "Progressing", Degraded = "Degraded" }
if obj.status.phase ~= nil and phases[obj.status.phase] ~= nil then
  return { status = phases[obj.status.phase], message = obj.status.message or "" }
end

for _, c in ipairs(obj.status.conditions or {}) do
  if c.type == "InvalidSpec" and c.status == "True" then
    return { status = "Degraded", message = c.message or "" }
  end
  if c.type == "Progressing" and (c.reason == "RolloutAborted" or c.reason == "ProgressDeadlineExceeded") then
    return { status = "Degraded", message = c.message or "" }
  end
end

local pauseConditions = obj.status.pauseConditions or {}
if obj.spec.paused == true or #pauseConditions > 0 then
  return { status = "Suspended", message = "Rollout is paused" }
end

local waiting = replicasVerdict(obj)
if waiting ~= nil then
  return { status = "Progressing", message = "Waiting for roll out to finish: " .. waiting }
end
return { status = "Healthy", message = "" }
