-- Capstan health script for proclaim.dogmatiq.io/DNSSDServiceInstance.
local byType = {}
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  byType[c.type] = c
end
for _, t in ipairs({ "Adopted", "Advertised" }) do
  local c = byType[t]
  if c ~= nil and c.status == "False" then
    return { status = "Degraded", message = c.message or "" }
  end
end
local discoverable = byType["Discoverable"]
if discoverable == nil then
  return { status = "Progressing", message = "Waiting for the instance to be advertised" }
end
local verdicts = { True = "Healthy", False = "Progressing", Unknown = "Unknown" }
return { status = verdicts[discoverable.status] or "Unknown", message = discoverable.message or "" }
