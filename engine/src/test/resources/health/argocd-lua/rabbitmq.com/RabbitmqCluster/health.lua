-- Capstan health script for rabbitmq.com/RabbitmqCluster (cluster operator).
if obj.status == nil or obj.status.conditions == nil then
  return { status = "Progressing", message = "Waiting for RabbitMQ Operator" }
end
local byType = {}
for _, c in ipairs(obj.status.conditions) do
  byType[c.type] = c
end
local reconcile = byType["ReconcileSuccess"]
if reconcile ~= nil and reconcile.status == "False" then
  return { status = "Degraded", message = reconcile.message or "" }
end
local replicas = byType["AllReplicasReady"]
local available = byType["ClusterAvailable"]
if (replicas ~= nil and replicas.status == "Unknown") or (available ~= nil and available.status == "Unknown") then
  return { status = "Progressing", message = "Waiting for RabbitMQ cluster readiness (conditions unknown)" }
end
if available ~= nil and available.status == "False" then
  return { status = "Progressing", message = "Waiting for RabbitMQ cluster formation" }
end
if replicas ~= nil and replicas.status == "False" then
  return { status = "Progressing", message = "Waiting for RabbitMQ instances ready" }
end
return { status = "Healthy", message = "RabbitMQ cluster ready" }
