-- Capstan health script for Humio operator components (core.humio.com).
-- The operator reports one word in status.state.
local states = {
  Exists = "Healthy",
  NotFound = "Missing",
  ConfigError = "Degraded",
  Unknown = "Unknown",
}
if obj.status ~= nil and obj.status.state ~= nil and states[obj.status.state] ~= nil then
  return { status = states[obj.status.state], message = "Component state: " .. obj.status.state .. "." }
end
return { status = "Progressing", message = "Update in progress" }
