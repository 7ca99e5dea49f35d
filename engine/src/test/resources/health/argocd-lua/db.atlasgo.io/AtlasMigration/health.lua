-- Capstan health script for Atlas operator kinds (db.atlasgo.io): the Ready condition's reason.
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  if c.type == "Ready" then
    if c.status == "True" then return { status = "Healthy", message = c.reason or "" } end
    if c.message ~= nil and string.sub(c.message, 1, 6) == "Error:" then
      return { status = "Degraded", message = c.reason or "" }
    end
    return { status = "Progressing", message = c.reason or "" }
  end
end
return { status = "Progressing", message = "Waiting for " .. obj.kind }
