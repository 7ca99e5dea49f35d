-- Capstan health script for cluster.x-k8s.io/Machine (Cluster API).
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
if obj.status == nil then
  return { status = "Progressing", message = "Waiting for machine" }
end
local ready = condition(obj, "Ready")
local failing = errorCondition(obj)
if obj.status.phase == "Failed" or failing ~= nil then
  local source = failing or ready
  return { status = "Degraded", message = (source and source.message) or obj.status.failureMessage or "" }
end
if obj.status.phase == "Running" then
  return { status = "Healthy", message = "Machine is running" }
end
return { status = "Progressing", message = (ready and ready.message) or "" }
