-- Capstan health script for serving.knative.dev/Service: every condition must be True.
local conditions = (obj.status and obj.status.conditions) or {}
if #conditions == 0 then
  return { status = "Progressing", message = "Waiting for Knative Service to report status" }
end
local message, failed, pending = "", false, false
for _, c in ipairs(conditions) do
  if c.status ~= "True" then
    if c.status == "False" then failed = true else pending = true end
    message = message .. c.type .. " is " .. c.status .. ", since " .. (c.reason or "") .. ". " .. (c.message or "") .. "\n"
  end
end
if failed then return { status = "Degraded", message = message } end
if pending then return { status = "Progressing", message = message } end
return { status = "Healthy", message = "Knative Service is healthy." }
