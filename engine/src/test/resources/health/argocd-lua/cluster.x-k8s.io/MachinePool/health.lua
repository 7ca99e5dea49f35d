-- Capstan health script for cluster.x-k8s.io/MachinePool, by status.phase.
local phase = (obj.status and obj.status.phase) or "Pending"
if phase == "Failed" then
  return { status = "Degraded", message = "MachinePool is Failed" }
end
if phase == "Running" or phase == "Scaling" then
  return { status = "Healthy", message = "MachinePool is " .. phase }
end
local notReady = {}
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  if c.status ~= "True" then
    local part = "Not " .. c.type
    if c.reason ~= nil and c.reason ~= "" then part = part .. " (" .. c.reason .. ")" end
    notReady[#notReady + 1] = part
  end
end
local message = "MachinePool is " .. phase
if #notReady > 0 then
  message = message .. ": " .. table.concat(notReady, ", ")
end
return { status = "Progressing", message = message }
