-- Capstan health script for nmstate.io/NodeNetworkConfigurationPolicy.
local byType = {}
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  byType[c.type] = c
end
local function isTrue(t) return byType[t] ~= nil and byType[t].status == "True" end
local function describe(c) return (c.reason or "") .. ": " .. (c.message or "") end
if isTrue("Ignored") then
  return { status = "Suspended", message = byType["Ignored"].reason or "" }
end
if isTrue("Degraded") then
  return { status = "Degraded", message = describe(byType["Degraded"]) }
end
if isTrue("Available") then
  return { status = "Healthy", message = describe(byType["Available"]) }
end
if isTrue("Progressing") then
  return { status = "Progressing", message = describe(byType["Progressing"]) }
end
return { status = "Progressing", message = "Waiting for policy to be applied" }
