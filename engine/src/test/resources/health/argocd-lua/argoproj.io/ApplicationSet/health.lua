-- Capstan health script for argoproj.io/ApplicationSet.
local byType = {}
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  byType[c.type] = c
end
local function has(t, s) return byType[t] ~= nil and byType[t].status == s end
if has("ErrorOccurred", "True") then
  return { status = "Degraded", message = byType["ErrorOccurred"].message or "" }
end
if has("ResourcesUpToDate", "False") then
  return { status = "Degraded", message = byType["ResourcesUpToDate"].message or "" }
end
if has("RolloutProgressing", "True") then
  return { status = "Progressing", message = byType["RolloutProgressing"].message or "" }
end
if has("ResourcesUpToDate", "True") then
  return { status = "Healthy", message = byType["ResourcesUpToDate"].message or "" }
end
return { status = "Progressing", message = "Waiting for the status to be reported" }
