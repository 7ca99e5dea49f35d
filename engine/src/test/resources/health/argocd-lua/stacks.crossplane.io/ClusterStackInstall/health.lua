-- Capstan health script for stacks.crossplane.io/ClusterStackInstall (Crossplane stacks, v0.x).
local conditioned = obj.status and obj.status.conditionedStatus
for _, c in ipairs((conditioned and conditioned.conditions) or {}) do
  if c.type == "Ready" then
    if c.status == "True" then
      return { status = "Healthy", message = c.reason or "" }
    end
    return { status = "Progressing", message = c.reason or "" }
  end
end
return { status = "Progressing", message = "Waiting for stack to be installed" }
