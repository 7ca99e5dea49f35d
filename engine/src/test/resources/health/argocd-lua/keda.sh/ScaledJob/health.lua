-- Capstan health script for KEDA scalers (keda.sh ScaledObject, ScaledJob).
local byType = {}
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  byType[c.type] = c
end
local function isTrue(t) return byType[t] ~= nil and byType[t].status == "True" end
if isTrue("Paused") then
  return { status = "Suspended", message = byType["Paused"].message or "" }
end
if isTrue("Fallback") then
  return { status = "Degraded", message = byType["Fallback"].message or "" }
end
local ready = byType["Ready"]
if ready ~= nil then
  if ready.status == "True" then
    return { status = "Healthy", message = ready.message or "" }
  end
  return { status = "Degraded", message = ready.message or "" }
end
if isTrue("Running") then
  return { status = "Progressing", message = byType["Running"].message or "" }
end
return { status = "Progressing", message = "Waiting for " .. obj.kind }
