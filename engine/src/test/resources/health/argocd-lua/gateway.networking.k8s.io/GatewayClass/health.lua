-- Capstan health script for gateway.networking.k8s.io/GatewayClass.
local waiting = { status = "Progressing", message = "Waiting for GatewayClass status" }
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  if c.type == "Accepted" then
    if obj.metadata.generation ~= nil and c.observedGeneration ~= nil and c.observedGeneration < obj.metadata.generation then
      return waiting
    end
    local verdicts = { True = "Healthy", False = "Degraded" }
    return { status = verdicts[c.status] or "Progressing", message = c.message or "" }
  end
end
return waiting
