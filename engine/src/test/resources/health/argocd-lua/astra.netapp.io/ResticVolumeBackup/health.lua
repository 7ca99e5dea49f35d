-- Capstan health script for NetApp Astra run-to-completion kinds (astra.netapp.io), by status.state.
local state = obj.status and obj.status.state
if state == nil then
  return { status = "Progressing", message = "No status available" }
end
if state == "Completed" then
  return { status = "Healthy", message = obj.kind .. " Completed" }
end
if state == "Failed" or state == "Error" then
  return { status = "Degraded", message = state }
end
return { status = "Progressing", message = obj.kind .. " " .. state }
