-- Capstan health script for metrics.keptn.sh/KeptnMetric.
local s = obj.status or {}
if s.errMsg ~= nil and s.errMsg ~= "" then
  return { status = "Degraded", message = "KeptnMetric is degraded" }
end
if s.value ~= nil then
  return { status = "Healthy", message = "KeptnMetric is healthy" }
end
return { status = "Progressing", message = "KeptnMetric is progressing" }
