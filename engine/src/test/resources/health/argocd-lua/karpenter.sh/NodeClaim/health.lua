-- Capstan health script for karpenter.sh/NodeClaim: launched, registered, initialized, ready.
local waiting = { status = "Progressing", message = "Waiting for NodeClaim to be launched" }
if obj.status == nil or obj.status.conditions == nil then
  return waiting
end
local byType = {}
for _, c in ipairs(obj.status.conditions) do
  byType[c.type] = c
end
local function isTrue(t) return byType[t] ~= nil and byType[t].status == "True" end
if isTrue("Disrupting") then
  return { status = "Suspended", message = byType["Disrupting"].message or "" }
end
if isTrue("Ready") then
  return { status = "Healthy", message = "" }
end
if byType["Ready"] ~= nil and byType["Ready"].status == "False" then
  return { status = "Degraded", message = byType["Ready"].message or "" }
end
if isTrue("Initialized") then
  return { status = "Progressing", message = "Node initialized, waiting for Ready" }
end
if isTrue("Registered") then
  return { status = "Progressing", message = "Node registered, waiting for initialization" }
end
if isTrue("Launched") then
  return { status = "Progressing", message = "Node launched, waiting for registration" }
end
return waiting
