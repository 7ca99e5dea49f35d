-- Capstan health script for core.humio.com/HumioCluster, by status.state.
local states = {
  Running = { "Healthy", "Cluster is in a healthy running state" },
  Restarting = { "Progressing", "Cluster pods are being restarted" },
  Upgrading = { "Progressing", "Cluster pods are being upgraded" },
  Pending = { "Progressing", "Cluster is waiting on resources to be provisioned" },
  ConfigError = { "Degraded", "User-provided cluster specification resulted in a configuration error" },
}
if obj.status ~= nil and obj.status.state ~= nil then
  local state = obj.status.state
  local known = states[state]
  if known ~= nil then
    local message = known[2]
    if state == "ConfigError" and obj.status.message ~= nil and obj.status.message ~= "" then
      message = obj.status.message
    end
    return { status = known[1], message = message }
  end
  return { status = "Unknown", message = "Component state: " .. state .. "." }
end
return { status = "Progressing", message = "Update in progress" }
