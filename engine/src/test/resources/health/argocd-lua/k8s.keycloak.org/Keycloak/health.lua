-- Capstan health script for k8s.keycloak.org/Keycloak (Keycloak operator).
local conditions = (obj.status and obj.status.conditions) or {}
if #conditions == 0 then
  return { status = "Progressing", message = "Waiting for Keycloak status conditions to exist" }
end
local ready = false
for _, c in ipairs(conditions) do
  if c.type == "HasErrors" and c.status == "True" then
    return { status = "Degraded", message = "Has Errors: " .. (c.message or "") }
  end
  if c.type == "Ready" and c.status == "True" then ready = true end
end
if ready then
  return { status = "Healthy", message = "" }
end
return { status = "Progressing", message = "" }
