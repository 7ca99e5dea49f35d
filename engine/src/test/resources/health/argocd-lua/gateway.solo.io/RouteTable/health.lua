-- Capstan health script for Solo.io Gloo resources (gateway.solo.io, gloo.solo.io).
-- A status record carries a state, either a name or its number:
-- 0 Pending, 1 Accepted, 2 Rejected, 3 Warning. It sits directly in .status
-- or under .status.statuses.<namespace> (one per reporting namespace).
local names = { [0] = "Pending", [1] = "Accepted", [2] = "Rejected", [3] = "Warning" }

local function verdict(record)
  local state = record.state
  if type(state) == "number" then
    state = names[state]
  end
  if state == "Accepted" then
    return { status = "Healthy", message = "The resource has been validated" }
  elseif state == "Pending" then
    return { status = "Suspended", message = "The resource has not yet been validated" }
  elseif state == "Rejected" or state == "Warning" then
    return { status = "Degraded", message = record.reason or "" }
  end
  return nil
end

local records = {}
if obj.status ~= nil then
  if obj.status.state ~= nil then
    records[#records + 1] = obj.status
  end
  if obj.status.statuses ~= nil then
    for _, record in pairs(obj.status.statuses) do
      records[#records + 1] = record
    end
  end
end

-- The worst record decides: Degraded over Suspended over Healthy.
local rank = { Healthy = 1, Suspended = 2, Degraded = 3 }
local worst = nil
for _, record in ipairs(records) do
  local v = verdict(record)
  if v ~= nil and (worst == nil or rank[v.status] > rank[worst.status]) then
    worst = v
  end
end
if worst ~= nil then
  return worst
end
return { status = "Progressing", message = "Update in progress" }
