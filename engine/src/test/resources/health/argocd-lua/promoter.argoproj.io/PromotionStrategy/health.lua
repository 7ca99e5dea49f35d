-- Capstan health script for promoter.argoproj.io/PromotionStrategy.

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
  initializing = "Initializing promotion strategy",
  deleting = "Promotion strategy is being deleted",
  waiting = "Waiting for promotion strategy spec update to be observed",
  missingReady = "Promotion strategy is not ready yet",
  failed = "Promotion strategy reconciliation failed",
  unknown = "Promotion strategy readiness unknown",
  healthy = function(o)
    local envs = o.status.environments or {}
    if #envs == 0 then
      return { status = "Degraded", message = "Promotion strategy has no environments configured" }
    end
    -- The hydrator's note, when present, tells which dry commit it last processed.
    local function hydrated(env)
      local proposed = env.proposed or {}
      if proposed.note ~= nil and proposed.note.drySha ~= nil and proposed.note.drySha ~= "" then
        return proposed.note.drySha
      end
      return proposed.dry and proposed.dry.sha
    end
    for _, env in ipairs(envs) do
      local activeSha = env.active and env.active.dry and env.active.dry.sha
      local proposedSha = env.proposed and env.proposed.dry and env.proposed.dry.sha
      if activeSha == nil or activeSha == "" then
        return { status = "Progressing", message = "The active commit DRY SHA is missing or empty in environment '" .. (env.branch or "") .. "'." }
      end
      if proposedSha == nil or proposedSha == "" then
        return { status = "Progressing", message = "The proposed commit DRY SHA is missing or empty in environment '" .. (env.branch or "") .. "'." }
      end
    end
    local first = hydrated(envs[1])
    for _, env in ipairs(envs) do
      if hydrated(env) ~= first then
        return { status = "Progressing",
                 message = "Not all environments have the same proposed commit SHA. This likely means the hydrator has not run for all environments yet." }
      end
    end
    for _, env in ipairs(envs) do
      local activeSha = env.active.dry.sha
      local proposedSha = env.proposed.dry.sha
      if activeSha ~= proposedSha then
        local summary = commitStatusSummary(env.proposed.commitStatuses)
        return { status = "Progressing",
                 message = "Promotion in progress for environment '" .. (env.branch or "") .. "' from '" .. short(activeSha)
                   .. "' to '" .. short(proposedSha) .. "': " .. summary
                   .. "Hydrator has processed dry commit '" .. short(hydrated(env)) .. "'. " }
      end
    end
    return { status = "Healthy",
             message = "All environments are up-to-date on commit '" .. short(envs[1].active.dry.sha)
               .. "'. Hydrator has processed dry commit '" .. short(first) .. "'." }
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
