-- Capstan health script for astra.netapp.io/AppVault.
local state = obj.status and obj.status.state
if state == "available" then
  return { status = "Healthy", message = "AppVault Available" }
elseif state == "failed" then
  return { status = "Degraded", message = "AppVault Failed" }
end
return { status = "Progressing", message = "No status available" }
