-- Capstan health script for networking.gke.io/ManagedCertificate, by each domain's status.
local domains = (obj.status and obj.status.domainStatus) or {}
if #domains == 0 then
  return { status = "Progressing", message = "At least one certificate is still being provisioned" }
end
local provisioning = false
for _, d in ipairs(domains) do
  if d.status ~= nil and string.sub(d.status, 1, 6) == "Failed" then
    return { status = "Degraded", message = "At least one certificate has failed to be provisioned" }
  end
  if d.status ~= "Active" then provisioning = true end
end
if provisioning then
  return { status = "Progressing", message = "At least one certificate is still being provisioned" }
end
return { status = "Healthy", message = "All certificates are active" }
