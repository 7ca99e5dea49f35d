-- Capstan health script for pxc.percona.com/PerconaXtraDBCluster, by status.state.
local s = obj.status or {}
local nodes = (s.ready or 0) .. "/" .. (s.size or 0) .. " node(s) are ready"
if s.state == "ready" then
  return { status = "Healthy", message = nodes }
elseif s.state == "initializing" then
  return { status = "Progressing", message = nodes }
elseif s.state == "paused" then
  return { status = "Unknown", message = "Cluster is paused" }
elseif s.state == "stopping" then
  return { status = "Degraded", message = "Cluster is stopping (" .. nodes .. ")" }
elseif s.state == "error" then
  local messages = s.message or {}
  if type(messages) == "string" then messages = { messages } end
  return { status = "Degraded", message = "Cluster is on error: " .. table.concat(messages, ", ") }
end
return { status = "Unknown", message = "Cluster status is unknown. Ensure your ArgoCD is current and then check for/file a bug report: https://github.com/argoproj/argo-cd/issues" }
