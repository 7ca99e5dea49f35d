-- Capstan health script for cert-manager.io/Certificate (cert-manager).
local waiting = "Waiting for certificate"
local conditions = (obj.status and obj.status.conditions) or {}
-- While a certificate is being (re)issued, Ready=False is expected, not a failure.
for _, c in ipairs(conditions) do
  if c.type == "Issuing" and c.status == "True" then
    return { status = "Progressing", message = c.message or "" }
  end
end
for _, c in ipairs(conditions) do
  if c.type == "Ready" then
    if c.status == "True" then
      return { status = "Healthy", message = c.message or "" }
    end
    return { status = "Degraded", message = c.message or "" }
  end
end
return { status = "Progressing", message = waiting }
