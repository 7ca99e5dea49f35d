-- Capstan health script for gateway.networking.k8s.io/BackendTLSPolicy (policy status per ancestor).
local kind = obj.kind
local function text(c) if c.message ~= nil and c.message ~= "" then return c.message end return "Failed condition: " .. c.type end
local ancestors = (obj.status and obj.status.ancestors) or {}
local reported = false
for _, ancestor in ipairs(ancestors) do
  local name = (ancestor.ancestorRef and ancestor.ancestorRef.name) or ""
  for _, c in ipairs(ancestor.conditions or {}) do
    reported = true
    if obj.metadata.generation ~= nil and c.observedGeneration ~= nil and c.observedGeneration < obj.metadata.generation then
      return { status = "Progressing", message = "Waiting for Ancestor " .. name .. " to update " .. kind .. " status" }
    end
    if (c.type == "Accepted" or c.type == "ResolvedRefs") and c.status == "False" then
      return { status = "Degraded", message = "Ancestor " .. name .. ": " .. text(c) }
    end
  end
end
if not reported then
  return { status = "Progressing", message = "Waiting for " .. kind .. " status" }
end
return { status = "Healthy", message = kind .. " is healthy" }
