-- Capstan health script for trident.netapp.io/TridentOrchestrator.
local s = obj.status or {}
if s.status == "Installed" then
  return { status = "Healthy", message = s.message or "" }
end
if s.status == "Error" or s.status == "Failed" then
  return { status = "Degraded", message = s.message or "" }
end
return { status = "Progressing", message = "Waiting for trident installation" }
