-- Capstan health script for CSI volume snapshots (snapshot.storage.k8s.io).
local s = obj.status
if s ~= nil and s.error ~= nil and s.error.message ~= nil then
  return { status = "Degraded", message = s.error.message }
end
if s ~= nil and s.readyToUse == true then
  return { status = "Healthy", message = "Ready to use" }
end
return { status = "Progressing", message = "Waiting for status" }
