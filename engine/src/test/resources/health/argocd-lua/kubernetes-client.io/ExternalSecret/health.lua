-- Capstan health script for kubernetes-client.io/ExternalSecret (the legacy external-secrets project).
local s = obj.status and obj.status.status
if s == nil then
  return { status = "Progressing", message = "Waiting for ExternalSecret." }
end
if s == "SUCCESS" then
  return { status = "Healthy", message = "Fetched ExternalSecret." }
end
-- Errors read "ERROR, <what went wrong>".
local detail = string.match(s, "^ERROR, (.*)$")
return { status = "Degraded", message = detail or s }
