-- Capstan health script for VictoriaMetrics operator kinds (operator.victoriametrics.com/*).
if obj.spec ~= nil and obj.spec.paused == true then
  return { status = "Suspended", message = "Reconciliation is paused" }
end
local s = obj.status
if s == nil or s.updateStatus == nil then
  return { status = "Progressing", message = "Waiting for the operator to reconcile" }
end
if obj.metadata.generation ~= nil and s.observedGeneration ~= nil and s.observedGeneration < obj.metadata.generation then
  return { status = "Progressing", message = "Waiting for the operator to reconcile" }
end
if s.updateStatus == "failed" then
  return { status = "Degraded", message = s.reason or "" }
end
if s.updateStatus == "paused" then
  return { status = "Suspended", message = "Reconciliation is paused" }
end
if s.updateStatus == "operational" then
  return { status = "Healthy", message = "All components are operational" }
end
return { status = "Progressing", message = "Reconciliation in progress" }
