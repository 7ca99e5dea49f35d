-- Capstan health script for Confluent for Kubernetes clusters (platform.confluent.io), by status.phase.
local phase = obj.status and obj.status.phase
if phase == "RUNNING" then
  return { status = "Healthy", message = obj.kind .. " running" }
end
if phase == "FAILED" or phase == "ERROR" then
  return { status = "Degraded", message = obj.kind .. " failed" }
end
return { status = "Progressing", message = obj.kind .. " provisioning" }
