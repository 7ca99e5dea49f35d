-- Capstan health script for promoter.argoproj.io/ArgoCDCommitStatus.

-- Helpers shared by the promoter scripts (written for Capstan).
local function short(sha) return string.sub(sha or "", 1, 7) end

-- "<n> pending, <n> successful, <n> failed. Pending commit statuses: a, b. Failed commit statuses: c. "
local function commitStatusSummary(statuses)
  local pending, failed, successful = {}, {}, 0
  for _, cs in ipairs(statuses or {}) do
    if cs.phase == "success" then
      successful = successful + 1
    elseif cs.phase == "failure" then
      failed[#failed + 1] = cs.key or ""
    else
      pending[#pending + 1] = cs.key or ""
    end
  end
  local text = #pending .. " pending, " .. successful .. " successful, " .. #failed .. " failed. "
  if #pending > 0 then text = text .. "Pending commit statuses: " .. table.concat(pending, ", ") .. ". " end
  if #failed > 0 then text = text .. "Failed commit statuses: " .. table.concat(failed, ", ") .. ". " end
  return text, #pending + #failed
end
local function isFalse(v) return v == false or v == "False" end

P = {
  initializing = "Initializing Argo CD commit status",
  deleting = "Argo CD commit status is being deleted",
  waiting = "Waiting for Argo CD commit status spec update to be observed",
  missingReady = "Argo CD commit status is not ready yet",
  failed = "Argo CD commit status reconciliation failed",
  unknown = "Argo CD commit status readiness unknown",
  healthy = function(o)
    local apps = o.status.applicationsSelected or {}
    if #apps == 0 then
      return { status = "Degraded", message = "Argo CD commit status has no applications configured" }
    end
    return { status = "Healthy",
             message = "Argo CD commit status is healthy and is tracking " .. #apps .. " applications" }
  end,
}

-- Shared readiness flow for GitOps Promoter resources (written for Capstan).
local function isTrue(v) return v == true or v == "True" end

local function findReady(o)
  if o.status == nil or o.status.conditions == nil then return nil end
  for _, c in ipairs(o.status.conditions) do
    if c.type == "Ready" then return c end
  end
  return nil
end

local function deletingMessage(o)
  local details = {}
  if o.metadata.finalizers ~= nil and P.finalizers ~= nil then
    for _, name in ipairs(o.metadata.finalizers) do
      if P.finalizers[name] ~= nil then
        details[#details + 1] = " " .. name .. ": " .. P.finalizers[name]
      end
    end
  end
  if #details == 0 then return P.deleting end
  return P.deleting .. "." .. table.concat(details, "")
end

local function failedMessage(c)
  local reason = c.reason or ""
  local message = c.message or ""
  if reason ~= "" and reason ~= "ReconciliationError" then
    local prefix = P.notReady or P.failed
    return prefix .. " (" .. reason .. "): " .. message
  end
  return P.failed .. ": " .. message
end

local function assess(o)
  if o.metadata.deletionTimestamp ~= nil then
    return { status = "Progressing", message = deletingMessage(o) }
  end
  if o.status == nil then
    return { status = "Progressing", message = P.initializing }
  end
  local ready = findReady(o)
  local observedFrom = ready or (o.status.conditions or {})[1]
  if o.metadata.generation ~= nil and observedFrom ~= nil and observedFrom.observedGeneration ~= nil
      and observedFrom.observedGeneration < o.metadata.generation then
    return { status = "Progressing", message = P.waiting }
  end
  if ready == nil then
    return { status = "Progressing", message = P.missingReady }
  end
  if isFalse(ready.status) then
    return { status = "Degraded", message = failedMessage(ready) }
  end
  if not isTrue(ready.status) then
    return { status = "Progressing",
             message = P.unknown .. " (" .. (ready.reason or "") .. "): " .. (ready.message or "") }
  end
  return P.healthy(o)
end

return assess(obj)
