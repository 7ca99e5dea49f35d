-- Capstan health script for grafana.integreatly.org/Grafana (grafana-operator v5), by stage.
local s = obj.status
if s == nil or s.stage == nil then
  return { status = "Progressing", message = "Waiting for Grafana status info" }
end
if s.stageStatus == "failed" then
  return { status = "Degraded", message = "Failed at stage " .. s.stage }
end
if s.stage == "complete" and s.stageStatus == "success" then
  return { status = "Healthy", message = "" }
end
return { status = "Progressing", message = s.stage }
