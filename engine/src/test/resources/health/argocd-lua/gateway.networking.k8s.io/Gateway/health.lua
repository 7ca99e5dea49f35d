-- Capstan health script for gateway.networking.k8s.io/Gateway: the Gateway's own conditions,
-- then each listener's.
local function failed(c) return c.status == "False" end
local function text(c) if c.message ~= nil and c.message ~= "" then return c.message end return "Failed condition: " .. c.type end
local conditions = (obj.status and obj.status.conditions) or {}
if #conditions == 0 then
  return { status = "Progressing", message = "Waiting for Gateway status" }
end
for _, c in ipairs(conditions) do
  if (c.type == "Accepted" or c.type == "ResolvedRefs") and failed(c) then
    return { status = "Degraded", message = text(c) }
  end
end
for _, c in ipairs(conditions) do
  if c.type == "Programmed" and c.status ~= "True" then
    return { status = "Progressing", message = text(c) }
  end
end
for _, listener in ipairs(obj.status.listeners or {}) do
  for _, c in ipairs(listener.conditions or {}) do
    if (c.type == "Accepted" or c.type == "ResolvedRefs") and failed(c) then
      return { status = "Degraded", message = "Listener: " .. text(c) }
    end
  end
  for _, c in ipairs(listener.conditions or {}) do
    if c.type == "Programmed" and c.status ~= "True" then
      return { status = "Progressing", message = "Listener: " .. text(c) }
    end
  end
end
return { status = "Healthy", message = "Gateway is healthy" }
