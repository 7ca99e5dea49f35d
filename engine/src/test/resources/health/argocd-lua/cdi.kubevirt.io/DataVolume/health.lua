-- Capstan health script for cdi.kubevirt.io/DataVolume, by phase and the Running condition.
local s = obj.status
if s == nil or s.phase == nil then
  return { status = "Progressing", message = "No status available" }
end
if s.phase == "Succeeded" then
  return { status = "Healthy", message = "Succeeded" }
end
if s.phase == "Failed" then
  return { status = "Degraded", message = "Failed" }
end
for _, c in ipairs(s.conditions or {}) do
  if c.type == "Running" and c.status == "False" and c.reason == "Error" then
    return { status = "Degraded", message = c.message or "" }
  end
end
return { status = "Progressing", message = s.phase }
