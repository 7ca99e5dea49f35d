-- Capstan health script for Karpenter configuration kinds (NodePool, EC2NodeClass): the Ready condition.
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  if c.type == "Ready" then
    if c.status == "True" then return { status = "Healthy", message = c.message or "" } end
    if c.status == "False" then return { status = "Degraded", message = c.message or "" } end
    return { status = "Progressing", message = c.message or "" }
  end
end
return { status = "Progressing", message = "Waiting for " .. obj.kind .. " to be ready" }
