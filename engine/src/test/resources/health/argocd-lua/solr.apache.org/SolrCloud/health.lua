-- Capstan health script for solr.apache.org/SolrCloud.
local s = obj.status
if s == nil or s.replicas == nil then
  return { status = "Progressing", message = "Waiting for solr to exist" }
end
if (s.readyReplicas or 0) < s.replicas then
  return { status = "Progressing", message = "Not all replicas are ready" }
end
return { status = "Healthy", message = "Solr is ready" }
