-- Capstan health script for Numaflow kinds (numaflow.numaproj.io).
local kind = obj.kind
local labels = obj.metadata.labels or {}
if labels["numaplane.numaproj.io/progressive-result-state"] == "failed" then
  return { status = "Degraded", message = "Failed progressive upgrade" }
end
local s = obj.status
if s == nil or s.observedGeneration == nil
    or (obj.metadata.generation ~= nil and s.observedGeneration < obj.metadata.generation) then
  return { status = "Progressing", message = "Waiting for " .. kind .. " status" }
end
if s.phase == "Paused" then
  return { status = "Healthy", message = kind .. " is paused" }
end
if s.phase == "Failed" then
  return { status = "Degraded", message = s.message or (kind .. " has failed") }
end
local unhealthy = {}
for _, c in ipairs(s.conditions or {}) do
  if c.status ~= "True" then unhealthy[#unhealthy + 1] = c end
end
if #unhealthy > 0 then
  -- Pipelines and MonoVertices summarise their subresources; the others report the condition.
  if kind == "Pipeline" or kind == "MonoVertex" then
    return { status = "Degraded", message = "Subresources are unhealthy" }
  end
  return { status = "Degraded", message = unhealthy[1].message or "" }
end
return { status = "Healthy", message = kind .. " is healthy" }
