-- Capstan health script for projectcontour.io/HTTPProxy.
local waiting = { status = "Progressing", message = "Waiting for status" }
-- A proxy that includes others is only valid together with them; Contour reports errors on the
-- parent that belong to the children, so the parent alone is not judged.
if obj.spec ~= nil and obj.spec.includes ~= nil and #obj.spec.includes > 0 then
  return { status = "Healthy", message = "HTTPProxy inclusions cannot be health checked" }
end
if obj.status == nil then
  return waiting
end
if obj.status.currentStatus == "NotReconciled" then
  return { status = "Progressing", message = obj.status.description or "" }
end
for _, c in ipairs(obj.status.conditions or {}) do
  if c.type == "Valid" then
    if obj.metadata.generation ~= nil and c.observedGeneration ~= nil and c.observedGeneration < obj.metadata.generation then
      return waiting
    end
    if c.status == "True" then
      return { status = "Healthy", message = c.message or "" }
    end
    return { status = "Degraded", message = c.message or "" }
  end
end
return waiting
