-- Capstan health script for Flux toolkit objects (*.toolkit.fluxcd.io): the Ready condition
-- decides, and its reason is the message.
if obj.kind == "HelmRepository" and obj.spec ~= nil and obj.spec.type == "oci" then
  return { status = "Healthy", message = "Helm repositories of type 'oci' do not contain any information in the status." }
end
if obj.spec ~= nil and obj.spec.suspend == true then
  return { status = "Suspended", message = "Reconciliation is suspended" }
end
local conditions = (obj.status and obj.status.conditions) or {}
local reconciling = false
for _, c in ipairs(conditions) do
  if c.type == "Reconciling" and c.status == "True" then reconciling = true end
end
for _, c in ipairs(conditions) do
  if c.type == "Ready" then
    if c.status == "True" then
      return { status = "Healthy", message = c.reason or "" }
    elseif c.status == "False" then
      return { status = "Degraded", message = c.reason or "" }
    end
    return { status = "Progressing", message = c.reason or "" }
  end
end
if reconciling then
  return { status = "Progressing", message = "Reconciliation in progress" }
end
return { status = "Progressing", message = "Waiting for the controller to report status" }
