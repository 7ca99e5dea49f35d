-- Capstan health script for serving.kserve.io/InferenceService.
-- The message lists the model transition status and every condition that is not True,
-- as "<index>: <type> | <status> | <reason> | <message>".
if obj.status == nil or obj.status.conditions == nil then
  return { status = "Progressing", message = "Waiting for InferenceService to report status" }
end
local transition = nil
if obj.status.modelStatus ~= nil then
  transition = obj.status.modelStatus.transitionStatus
end
local message = ""
if transition ~= nil and transition ~= "UpToDate" then
  message = "0: transitionStatus | " .. transition
end
local anyFalse, anyUnknown = false, false
for i, c in ipairs(obj.status.conditions) do
  if c.type == "Stopped" then
    if c.status == "True" then
      return { status = "Suspended", message = "InferenceService is Stopped" }
    end
  elseif c.status ~= "True" then
    if c.status == "False" then anyFalse = true else anyUnknown = true end
    local part = i .. ": " .. c.type .. " | " .. c.status
    if c.reason ~= nil and c.reason ~= "" then part = part .. " | " .. c.reason end
    if c.message ~= nil and c.message ~= "" then part = part .. " | " .. c.message end
    message = message .. " | " .. part
  end
end
if transition == "InProgress" then
  return { status = "Progressing", message = message }
end
if transition == "BlockedByFailedLoad" or transition == "FailedToLoad" or anyFalse then
  return { status = "Degraded", message = message }
end
if anyUnknown then
  return { status = "Progressing", message = message }
end
return { status = "Healthy", message = "InferenceService is healthy." }
