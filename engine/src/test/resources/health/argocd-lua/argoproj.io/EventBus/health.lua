-- Capstan health script for argoproj.io/EventBus (Argo Events): the Deployed condition.
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  if c.type == "Deployed" then
    local verdicts = { True = "Healthy", False = "Degraded" }
    return { status = verdicts[c.status] or "Progressing", message = c.message or "" }
  end
end
return { status = "Progressing", message = "Waiting for the event bus to be deployed" }
