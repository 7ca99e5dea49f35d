-- Capstan health script for astra.netapp.io/Application: the Ready condition.
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  if c.type == "Ready" then
    if c.status == "True" then
      return { status = "Healthy", message = "Astra Application Ready, protectionState: " .. (obj.status.protectionState or "") }
    end
    return { status = "Degraded", message = "Astra Application Degraded, message: " .. (c.message or "") }
  end
end
return { status = "Progressing", message = "No status available" }
