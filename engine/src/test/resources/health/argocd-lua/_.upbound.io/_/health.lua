-- Capstan health script for Crossplane resources matched by group wildcard
-- (composite resources, claims, compositions, provider configs, managed resources).
local conditions = (obj.status and obj.status.conditions) or {}
for _, c in ipairs(conditions) do
  if c.status == "False" and (c.type == "Synced" or c.type == "LastAsyncOperation") and c.reason ~= "ReconcilePaused" then
    return { status = "Degraded", message = c.message or "" }
  end
end
for _, c in ipairs(conditions) do
  if c.type == "Synced" and c.reason == "ReconcilePaused" then
    return { status = "Suspended", message = c.reason }
  end
  if c.type == "Ready" and c.status ~= "True" then
    return { status = "Progressing", message = c.message or "Resource is not ready yet." }
  end
end
return { status = "Healthy", message = "Resource is up-to-date." }
