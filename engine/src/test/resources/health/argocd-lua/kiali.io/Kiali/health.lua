-- Capstan health script for kiali.io/Kiali (Ansible operator conditions).
local byType = {}
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  if c.status == "True" then byType[c.type] = c end
end
if byType["Failure"] ~= nil then return { status = "Degraded", message = byType["Failure"].message or "" } end
if byType["Successful"] ~= nil then return { status = "Healthy", message = byType["Successful"].message or "" } end
if byType["Running"] ~= nil then return { status = "Progressing", message = byType["Running"].message or "" } end
return { status = "Progressing", message = "Waiting for Kiali" }
