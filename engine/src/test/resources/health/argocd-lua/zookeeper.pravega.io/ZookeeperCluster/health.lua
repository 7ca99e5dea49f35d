-- Capstan health script for zookeeper.pravega.io/ZookeeperCluster.
local s = obj.status
if s ~= nil and s.replicas ~= nil and (s.readyReplicas or 0) >= s.replicas and s.replicas > 0 then
  return { status = "Healthy", message = "All ZK Nodes have joined the ensemble" }
end
return { status = "Progressing", message = "Waiting for ZK Nodes to join the ensemble" }
