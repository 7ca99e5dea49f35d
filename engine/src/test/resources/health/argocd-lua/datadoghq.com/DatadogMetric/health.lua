-- Capstan health script for datadoghq.com/DatadogMetric.
local byType = {}
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do byType[c.type] = c end
local e = byType["Error"]
if e ~= nil and e.status == "True" then
  return { status = "Degraded", message = (e.reason or "") .. ": " .. (e.message or "") }
end
local v = byType["Valid"]
if v ~= nil and v.status == "False" then
  return { status = "Degraded", message = v.message or "" }
end
return { status = "Healthy", message = "DatadogMetric is healthy" }
