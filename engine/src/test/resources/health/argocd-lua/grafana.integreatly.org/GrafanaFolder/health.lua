-- Capstan health script for grafana-operator content kinds: the *Synchronized condition.
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  if string.sub(c.type, -12) == "Synchronized" then
    local message = (c.reason or "") .. " for " .. c.type .. " because " .. (c.message or "")
    if c.status == "True" then
      return { status = "Healthy", message = message }
    end
    return { status = "Degraded", message = message }
  end
end
return { status = "Progressing", message = "" }
