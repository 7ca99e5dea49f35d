-- Capstan health script for astra.netapp.io/ExecHook: enabled or disabled.
local enabled = obj.spec and obj.spec.enabled
if enabled == true then
  return { status = "Healthy", message = "ExecHook enabled" }
elseif enabled == false then
  return { status = "Suspended", message = "ExecHook disabled" }
end
return { status = "Progressing", message = "No status available" }
