-- Capstan health script for external-secrets.io/ClusterExternalSecret.
local conditions = (obj.status and obj.status.conditions) or {}
for _, c in ipairs(conditions) do
  if c.type == "Ready" and c.status == "True" then
    return { status = "Healthy", message = "" }
  end
end
for _, c in ipairs(conditions) do
  if (c.type == "NotReady" or c.type == "PartiallyReady") and c.status == "True" then
    return { status = "Degraded", message = c.message or "" }
  end
end
return { status = "Progressing", message = "Waiting for ClusterExternalSecret" }
