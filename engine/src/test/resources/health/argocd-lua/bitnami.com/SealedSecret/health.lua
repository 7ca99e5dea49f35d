-- Capstan health script for bitnami.com/SealedSecret: the Synced condition.
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  if c.type == "Synced" then
    if c.status == "True" then return { status = "Healthy", message = "" } end
    return { status = "Degraded", message = c.message or "" }
  end
end
return { status = "Progressing", message = "Waiting for Sealed Secret to be decrypted" }
