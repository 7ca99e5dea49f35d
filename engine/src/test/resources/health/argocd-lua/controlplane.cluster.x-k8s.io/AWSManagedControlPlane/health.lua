-- Capstan health script for controlplane.cluster.x-k8s.io/AWSManagedControlPlane (CAPA, EKS).
if obj.status == nil then
  return { status = "Progressing", message = "Waiting for the control plane to report status" }
end
if obj.status.failureMessage ~= nil and obj.status.failureMessage ~= "" then
  return { status = "Degraded", message = obj.status.failureMessage }
end
if obj.metadata.generation ~= nil and obj.status.observedGeneration ~= nil
    and obj.status.observedGeneration < obj.metadata.generation then
  return { status = "Progressing", message = "Waiting for the control plane spec to be reconciled" }
end
local conditions = obj.status.conditions or {}
local errors = ""
for _, c in ipairs(conditions) do
  if c.severity == "Error" then
    errors = errors .. (c.message or "") .. " "
  end
end
if errors ~= "" then
  return { status = "Degraded", message = errors }
end
local ready = nil
for _, c in ipairs(conditions) do
  if c.type == "EKSControlPlaneUpdating" and c.status == "True" then
    return { status = "Progressing", message = "EKS control plane is updating" }
  end
  if c.type == "Ready" then ready = c end
end
if obj.status.ready == false then
  return { status = "Progressing", message = "Control plane is not ready (.status.ready is false)" }
end
if ready == nil or ready.status ~= "True" then
  return { status = "Progressing", message = "Control plane is not ready" }
end
return { status = "Healthy", message = "Control plane is ready" }
