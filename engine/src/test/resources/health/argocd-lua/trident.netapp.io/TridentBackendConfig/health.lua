-- Capstan health script for trident.netapp.io/TridentBackendConfig, by the last operation.
local s = obj.status or {}
if s.lastOperationStatus == "Success" then
  return { status = "Healthy", message = s.message or "" }
end
if s.lastOperationStatus == "Failed" then
  return { status = "Degraded", message = s.message or "" }
end
return { status = "Progressing", message = "Waiting for backend creation" }
