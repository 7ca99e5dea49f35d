-- Capstan health script for iammanager.keikoproj.io/Iamrole.
local s = obj.status
if s == nil or s.state == nil then
  return { status = "Progressing", message = "Waiting for Iamrole to be reconciled" }
end
local name = "'" .. (s.roleName or "<none>") .. "'"
local ids = "ARN '" .. (s.roleARN or "<none>") .. "' and ID '" .. (s.roleID or "<none>") .. "'"
local role = name .. " with " .. ids
if s.state == "Ready" then
  return { status = "Healthy", message = "Role " .. name .. " exists with " .. ids .. "." }
end
local retry = ""
if (s.retryCount or 0) > 0 then retry = " (retry " .. s.retryCount .. ")" end
return { status = "Degraded",
         message = "Failed to reconcile the Iamrole" .. retry .. " for role " .. role .. ". Reconciliation error was: " .. (s.errorDescription or "") }
