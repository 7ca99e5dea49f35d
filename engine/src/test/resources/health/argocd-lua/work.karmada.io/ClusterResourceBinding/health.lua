-- Capstan health script for work.karmada.io/ClusterResourceBinding.
-- Healthy once every work is applied and every member cluster reports it healthy (or cannot tell).
local insufficient = { status = "Progressing", message = "Current resource status is insufficient" }
if obj.status == nil or obj.status.conditions == nil then
  return insufficient
end
local applied, scheduled = false, true
for _, c in ipairs(obj.status.conditions) do
  if c.type == "FullyApplied" then applied = c.status == "True" end
  if c.type == "Scheduled" and c.status ~= "True" then scheduled = false end
end
if not applied or not scheduled or obj.status.aggregatedStatus == nil then
  return insufficient
end
for _, member in ipairs(obj.status.aggregatedStatus) do
  if member.applied ~= true or member.health == "Unhealthy" then
    return { status = "Degraded", message = "Current resource status is unhealthy" }
  end
end
return { status = "Healthy", message = "" }
