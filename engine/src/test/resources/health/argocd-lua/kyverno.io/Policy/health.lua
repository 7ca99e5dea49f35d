-- Capstan health script for kyverno.io/Policy: the Ready condition.
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  if c.type == "Ready" then
    if c.status == "True" then return { status = "Healthy", message = "Policy is ready" } end
    return { status = "Degraded", message = c.message or "" }
  end
end
return { status = "Progressing", message = "Waiting for Policy to be ready" }
