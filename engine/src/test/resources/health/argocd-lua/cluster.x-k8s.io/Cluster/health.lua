-- Capstan health script for cluster.x-k8s.io/Cluster (Cluster API).
local function condition(o, t)
  if o.status == nil or o.status.conditions == nil then return nil end
  for _, c in ipairs(o.status.conditions) do
    if c.type == t then return c end
  end
  return nil
end
-- A condition with severity Error carries the reason the object is failing.
local function errorCondition(o)
  if o.status == nil or o.status.conditions == nil then return nil end
  for _, c in ipairs(o.status.conditions) do
    if c.status == "False" and c.severity == "Error" then return c end
  end
  return nil
end
if obj.spec ~= nil and obj.spec.paused == true then
  return { status = "Suspended", message = "Cluster is paused" }
end
if obj.status == nil then
  return { status = "Progressing", message = "Waiting for clusters" }
end
local failing = errorCondition(obj)
if failing ~= nil then
  return { status = "Degraded", message = failing.message or "" }
end
if obj.status.phase == "Failed" then
  local ready = condition(obj, "Ready")
  return { status = "Degraded", message = (ready and ready.message) or obj.status.failureMessage or "" }
end
if obj.status.phase == "Provisioned" then
  return { status = "Healthy", message = "Cluster is running" }
end
return { status = "Progressing", message = "Waiting for clusters" }
