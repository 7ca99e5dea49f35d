-- Capstan health script for Airlock Microgateway policies (microgateway.airlock.com/*),
-- which report Gateway API style status per ancestor.
local kind = obj.kind
local ancestors = (obj.status and obj.status.ancestors) or {}
if #ancestors == 0 then
  return { status = "Progressing", message = "Waiting for " .. kind .. " status" }
end
for _, ancestor in ipairs(ancestors) do
  local name = (ancestor.ancestorRef and ancestor.ancestorRef.name) or ""
  local conditions = ancestor.conditions or {}
  if #conditions > 0 then
    local accepted = nil
    for _, c in ipairs(conditions) do
      if c.type == "Accepted" then accepted = c end
    end
    if accepted == nil then
      return { status = "Degraded", message = "Ancestor " .. name .. ": " .. kind .. " is not accepted" }
    end
    if obj.metadata.generation ~= nil and accepted.observedGeneration ~= nil
        and accepted.observedGeneration < obj.metadata.generation then
      return { status = "Progressing", message = "Waiting for Ancestor " .. name .. " to update " .. kind .. " status" }
    end
    if accepted.status ~= "True" then
      return { status = "Degraded", message = "Ancestor " .. name .. ": " .. (accepted.message or "") }
    end
  end
end
return { status = "Healthy", message = kind .. " is healthy" }
