-- Capstan health script for projectcontour.io/ExtensionService: the Valid condition.
local waiting = { status = "Progressing", message = "Waiting for status" }
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
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
