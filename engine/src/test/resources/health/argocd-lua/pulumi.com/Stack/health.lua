-- Capstan health script for pulumi.com/Stack (Pulumi Kubernetes operator v2).
local s = obj.status
if s == nil or (obj.metadata.generation ~= nil and (s.observedGeneration or 0) < obj.metadata.generation) then
  return { status = "Progressing", message = "Waiting for the operator to observe the latest spec change" }
end
local byType = {}
for _, c in ipairs(s.conditions or {}) do byType[c.type] = c end
if byType["Stalled"] ~= nil and byType["Stalled"].status == "True" then
  return { status = "Degraded", message = byType["Stalled"].message or "" }
end
if byType["Reconciling"] ~= nil and byType["Reconciling"].status == "True" then
  return { status = "Progressing", message = byType["Reconciling"].message or "" }
end
if byType["Ready"] ~= nil and byType["Ready"].status == "True" then
  return { status = "Healthy", message = byType["Ready"].message or "" }
end
return { status = "Progressing", message = "Waiting for the stack to be processed" }
