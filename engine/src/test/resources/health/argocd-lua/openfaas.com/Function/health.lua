-- Capstan health script for openfaas.com/Function (OpenFaaS operator).
local byType = {}
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do byType[c.type] = c end
local function isTrue(t) return byType[t] ~= nil and byType[t].status == "True" end
if isTrue("Stalled") then
  return { status = "Degraded", message = byType["Stalled"].message or "" }
end
if isTrue("Ready") then
  if byType["Healthy"] ~= nil and byType["Healthy"].status == "False" then
    return { status = "Suspended", message = "No replicas available" }
  end
  return { status = "Healthy", message = byType["Ready"].message or "" }
end
return { status = "Progressing", message = "Waiting for Function" }
