-- Capstan health script for metrics.keptn.sh/Analysis.
local s = obj.status or {}
if s.state ~= "Completed" then
  return { status = "Progressing", message = "Analysis is progressing" }
end
if s.pass == true then
  return { status = "Healthy", message = "Analysis is healthy" }
end
if s.warning == true then
  return { status = "Healthy", message = "Analysis is healthy with warnings" }
end
return { status = "Degraded", message = "Analysis is degraded" }
