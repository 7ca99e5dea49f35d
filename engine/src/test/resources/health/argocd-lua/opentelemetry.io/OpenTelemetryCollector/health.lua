-- Capstan health script for opentelemetry.io/OpenTelemetryCollector, by ready/desired replicas.
if obj.spec ~= nil and obj.spec.mode == "sidecar" then
  return { status = "Healthy", message = "Collector is running in sidecar mode" }
end
local scale = obj.status and obj.status.scale
local replicas = scale and scale.statusReplicas
if replicas == nil then
  return { status = "Progressing", message = "Waiting for status" }
end
local ready, desired = string.match(replicas, "^(%d+)/(%d+)$")
ready, desired = tonumber(ready), tonumber(desired)
if ready == nil or desired == nil then
  return { status = "Progressing", message = "Waiting for status" }
end
if desired == 0 then
  return { status = "Healthy", message = "DaemonSet has no eligible nodes (" .. replicas .. ")" }
end
if ready >= desired then
  return { status = "Healthy", message = "All replicas are ready" }
end
if ready == 0 then
  return { status = "Degraded", message = "No replicas are ready" }
end
return { status = "Progressing", message = "Replicas are starting up" }
