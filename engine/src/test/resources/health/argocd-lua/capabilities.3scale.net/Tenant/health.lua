-- Capstan health script for the 3scale operator's capabilities.3scale.net kinds.
local name = "3scale " .. obj.kind
if obj.status == nil then
  return { status = "Progressing", message = "Waiting for " .. name .. " status..." }
end
if obj.status.state == "suspended" then
  return { status = "Suspended", message = name .. " is suspended" }
end
if obj.status.developerUserState == "suspended" then
  return { status = "Suspended", message = "3scale Developer user is waiting for admin approval" }
end
local fallback = {
  Failed = name .. " synchronization failed",
  Invalid = name .. " configuration is invalid",
  Orphan = name .. " references resources that do not exist",
}
local conditions = obj.status.conditions or {}
for _, c in ipairs(conditions) do
  if c.status == "True" and fallback[c.type] ~= nil then
    local message = c.message
    if message == nil or message == "" then message = fallback[c.type] end
    return { status = "Degraded", message = message }
  end
end
for _, c in ipairs(conditions) do
  if c.status == "True" then
    if c.type == "Waiting" then
      return { status = "Suspended", message = c.message or "" }
    elseif c.type == "In-progress" then
      return { status = "Progressing", message = c.message or "" }
    elseif c.type == "Ready" then
      return { status = "Healthy", message = name .. " is ready" }
    elseif c.type == "Synced" then
      return { status = "Healthy", message = name .. " is synced" }
    end
  elseif c.status == "False" and c.type == "Ready" and c.message ~= nil and c.message ~= "" then
    return { status = "Degraded", message = c.message }
  end
end
return { status = "Progressing", message = "Waiting for " .. name .. " status..." }
