-- Capstan health script for Coralogix operator kinds (coralogix.com): the RemoteSynced condition.
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  if c.type == "RemoteSynced" then
    if c.status == "True" then return { status = "Healthy", message = "Resource is ready" } end
    return { status = "Degraded", message = c.message or "" }
  end
end
return { status = "Progressing", message = "Waiting for status to be updated" }
