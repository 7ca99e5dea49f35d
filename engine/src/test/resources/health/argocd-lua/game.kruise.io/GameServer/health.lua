-- Capstan health script for game.kruise.io/GameServer (OpenKruiseGame).
local s = obj.status
if s == nil or s.currentState == nil then
  return { status = "Unknown", message = "Waiting for GameServer to be ready" }
end
local failing = {}
for _, c in ipairs((s.podStatus and s.podStatus.conditions) or {}) do
  if c.status == "False" then failing[#failing + 1] = c.type end
end
if #failing > 0 then
  return { status = "Degraded", message = "Pod is not ready: " .. table.concat(failing, ", ") }
end
if s.desiredState ~= nil and s.currentState ~= s.desiredState then
  return { status = "Progressing", message = "State change: " .. s.currentState .. " → " .. s.desiredState }
end
if s.currentState == "Ready" then
  return { status = "Healthy", message = "GameServer is Ready" }
end
return { status = "Progressing", message = "GameServer is " .. s.currentState }
