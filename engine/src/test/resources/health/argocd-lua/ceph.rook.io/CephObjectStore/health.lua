-- Capstan health script for ceph.rook.io/CephObjectStore, by status.phase.
local s = obj.status
if s == nil or s.phase == nil then
  return { status = "Progressing", message = "Waiting for the object store to report status" }
end
local message = "Ceph object store phase is " .. s.phase
if s.phase == "Ready" then
  if s.info ~= nil and s.info.endpoint ~= nil then message = message .. " - endpoint: " .. s.info.endpoint end
  return { status = "Healthy", message = message }
end
if s.phase == "Failure" then return { status = "Degraded", message = message } end
return { status = "Progressing", message = message }
