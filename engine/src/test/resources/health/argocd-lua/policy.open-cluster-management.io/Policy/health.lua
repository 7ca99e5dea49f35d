-- Capstan health script for policy.open-cluster-management.io/Policy (root or replicated).
if obj.spec ~= nil and obj.spec.disabled == true then
  return { status = "Healthy", message = "Policy is disabled" }
end
local status = obj.status or {}
if status.compliant == nil then
  if status.placement ~= nil and #status.placement > 0 then
    return { status = "Healthy", message = "No clusters match this policy" }
  end
  return { status = "Progressing", message = "Waiting for the status to be reported" }
end
local labels = obj.metadata.labels or {}
-- A replicated policy (on a managed cluster) reports per template; a root policy per cluster.
if labels["policy.open-cluster-management.io/root-policy"] ~= nil then
  local failing = {}
  for _, d in ipairs(status.details or {}) do
    if d.compliant == "NonCompliant" then
      failing[#failing + 1] = (d.templateMeta and d.templateMeta.name) or ""
    end
  end
  if status.compliant == "NonCompliant" or #failing > 0 then
    return { status = "Degraded", message = "NonCompliant templates: " .. table.concat(failing, ", ") }
  end
  return { status = "Healthy", message = "All templates are compliant" }
end
local failing = {}
for _, s in ipairs(status.status or {}) do
  if s.compliant == "NonCompliant" then
    failing[#failing + 1] = s.clustername or ""
  end
end
if status.compliant == "NonCompliant" or #failing > 0 then
  return { status = "Degraded", message = "NonCompliant clusters: " .. table.concat(failing, ", ") }
end
return { status = "Healthy", message = "All clusters are compliant" }
