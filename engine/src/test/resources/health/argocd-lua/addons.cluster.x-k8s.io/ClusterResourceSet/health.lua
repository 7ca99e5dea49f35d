-- Capstan health script for addons.cluster.x-k8s.io/ClusterResourceSet.
if obj.status ~= nil and obj.status.conditions ~= nil then
  for _, c in ipairs(obj.status.conditions) do
    if c.type == "ResourcesApplied" then
      if c.status == "True" then
        return { status = "Healthy", message = "cluster resource set is applied" }
      end
      return { status = "Degraded", message = c.message or "" }
    end
  end
end
return { status = "Progressing", message = "Initializing cluster resource set" }
