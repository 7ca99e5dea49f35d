-- Capstan health script for kubevirt.io/VirtualMachineInstance, by phase.
local s = obj.status
if s == nil or s.phase == nil then
  return { status = "Progressing", message = "No status available" }
end
for _, c in ipairs(s.conditions or {}) do
  if c.type == "Paused" and c.status == "True" then
    return { status = "Suspended", message = c.message or "" }
  end
end
if s.phase == "Running" then
  return { status = "Healthy", message = "Running" }
elseif s.phase == "Succeeded" then
  return { status = "Suspended", message = "Succeeded" }
elseif s.phase == "Failed" or s.phase == "Unknown" then
  return { status = "Degraded", message = s.phase }
end
return { status = "Progressing", message = s.phase }
