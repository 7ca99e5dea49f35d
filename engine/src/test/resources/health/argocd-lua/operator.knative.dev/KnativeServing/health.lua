-- Capstan health script for the Knative operator's KnativeServing and KnativeEventing.
local conditions = (obj.status and obj.status.conditions) or {}
local lines = ""
local ready = nil
for i, c in ipairs(conditions) do
  lines = lines .. i .. ": " .. c.type .. " | " .. c.status .. "\n"
  if c.type == "Ready" then ready = c.status end
end
if ready == "True" then
  return { status = "Healthy", message = obj.kind .. " is healthy." }
end
if ready == nil or ready == "False" or ready == "Unknown" then
  return { status = "Progressing", message = lines }
end
return { status = "Degraded", message = lines }
