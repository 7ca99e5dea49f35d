-- Capstan health script for grafana.integreatly.org/GrafanaDatasource.
local s = obj.status or {}
if s.NoMatchingInstances == true then
  return { status = "Degraded", message = "can't find matching grafana instance" }
end
if s.uid ~= nil and s.uid ~= "" then
  return { status = "Healthy", message = "" }
end
return { status = "Progressing", message = "" }
