-- Capstan health script for policy.open-cluster-management.io/CertificatePolicy.
local compliant = obj.status and obj.status.compliant
if compliant == "Compliant" then
  return { status = "Healthy", message = "All certificates found comply with the policy" }
elseif compliant == "NonCompliant" then
  return { status = "Degraded", message = "At least once certificate does not comply with the policy" }
end
return { status = "Progressing", message = "Waiting for the status to be reported" }
