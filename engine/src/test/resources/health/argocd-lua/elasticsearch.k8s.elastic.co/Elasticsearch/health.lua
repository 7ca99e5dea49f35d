-- Capstan health script for elasticsearch.k8s.elastic.co/Elasticsearch (ECK).
local unknown = { status = "Unknown", message = "Elasticsearch Cluster status is unknown. Ensure your ArgoCD is current and then check for/file a bug report: https://github.com/argoproj/argo-cd/issues" }
if obj.status == nil or obj.status.phase == nil then
  return unknown
end
local phase = obj.status.phase
if phase == "ApplyingChanges" or phase == "MigratingData" then
  return { status = "Progressing", message = "Elasticsearch phase is " .. phase }
end
if phase == "Invalid" then
  return { status = "Degraded", message = "Elasticsearch phase is " .. phase }
end
if phase ~= "Ready" then
  return unknown
end
local desired = 0
for _, set in ipairs(obj.spec.nodeSets or {}) do
  desired = desired + (set.count or 0)
end
local available = obj.status.availableNodes or 0
if available < desired then
  return { status = "Progressing",
           message = "The desired amount of availableNodes is " .. desired .. " but the current amount is " .. available }
end
local health = obj.status.health
if health == "green" then
  return { status = "Healthy", message = "Elasticsearch Cluster status is Green" }
elseif health == "yellow" then
  return { status = "Progressing", message = "Elasticsearch Cluster status is Yellow. Check the status of indices, replicas and shards" }
elseif health == "red" then
  return { status = "Degraded", message = "Elasticsearch Cluster status is Red. Check the status of indices, replicas and shards" }
end
return unknown
