-- Capstan health script for postgresql.cnpg.io/Cluster (CloudNativePG).
local annotations = obj.metadata.annotations or {}
if annotations["cnpg.io/hibernation"] == "on" then
  return { status = "Suspended", message = "Cluster has been hibernated" }
end
if annotations["cnpg.io/reconciliationLoop"] == "disabled" then
  return { status = "Suspended", message = "Cluster reconciliation is suspended" }
end
local s = obj.status
if s == nil or s.phase == nil then
  return { status = "Progressing", message = "Waiting for the cluster to report status" }
end
if s.phase == "Cluster in healthy state" then
  return { status = "Healthy", message = "" }
end
local reason = s.phaseReason or s.phase
local lower = string.lower(s.phase)
if string.find(lower, "fail", 1, true) ~= nil or string.find(lower, "error", 1, true) ~= nil then
  return { status = "Degraded", message = reason }
end
return { status = "Progressing", message = reason }
