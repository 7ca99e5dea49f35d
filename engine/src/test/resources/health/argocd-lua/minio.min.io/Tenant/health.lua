-- Capstan health script for minio.min.io/Tenant, by the operator's status.currentState text.
local degraded = {
  ["Statefulset not controlled by operator"] = true,
  ["Another MinIO Tenant already exists in the namespace"] = true,
  ["Tenant credentials are not set properly"] = true,
  ["Different versions across MinIO Pools"] = true,
  ["Pool Decommissioning Not Allowed"] = true,
}
if obj.status == nil or obj.status.currentState == nil then
  return { status = "Progressing", message = "No status info available" }
end
local state = obj.status.currentState
if state == "Initialized" then
  return { status = "Healthy", message = state }
end
if degraded[state] then
  return { status = "Degraded", message = state }
end
return { status = "Progressing", message = state }
