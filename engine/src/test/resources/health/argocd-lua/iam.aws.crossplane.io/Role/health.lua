-- Capstan health script for iam.aws.crossplane.io/Role (Crossplane AWS provider managed resource).
local noun = "Role"
if obj.status == nil or obj.status.conditions == nil then
  return { status = "Progressing", message = "Waiting for " .. noun .. " to be created" }
end
local ready, synced = nil, nil
for _, c in ipairs(obj.status.conditions) do
  if c.type == "Ready" then ready = c end
  if c.type == "Synced" then synced = c end
end
if synced ~= nil and synced.status == "False" then
  if synced.reason == "ReconcilePaused" then
    return { status = "Suspended", message = synced.reason }
  end
  return { status = "Degraded", message = synced.message or "" }
end
if ready ~= nil and ready.status == "True" then
  return { status = "Healthy", message = ready.reason or "" }
end
return { status = "Progressing", message = "Waiting for " .. noun .. " to be available" }
