-- Capstan health script for kafka.banzaicloud.io/KafkaCluster (Koperator).
local s = obj.status
if s == nil or s.state == nil then
  return { status = "Progressing", message = "Waiting for KafkaCluster" }
end
if s.state == "ClusterReconciling" then
  return { status = "Progressing", message = "Kafka Cluster is Reconciling." }
end
if s.state == "ClusterRollingUpgrading" then
  return { status = "Progressing", message = "Kafka Cluster is Rolling Upgrading." }
end
if s.state ~= "ClusterRunning" or s.cruiseControlTopicStatus ~= "CruiseControlTopicReady" then
  return { status = "Progressing", message = "Waiting for KafkaCluster" }
end
for _, broker in pairs(s.brokersState or {}) do
  local graceful = broker.gracefulActionState or {}
  local cruise = graceful.cruiseControlState or ""
  if broker.configurationState ~= "ConfigInSync"
      or (cruise ~= "GracefulUpscaleSucceeded" and cruise ~= "GracefulDownscaleSucceeded" and cruise ~= "") then
    return { status = "Degraded", message = "Broker Config is out of Sync or CruiseControlState is not Ready" }
  end
end
return { status = "Healthy", message = "Kafka Brokers, CruiseControl and cluster are in Healthy State." }
