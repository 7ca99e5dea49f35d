-- Capstan health script for operator.openshift.io/IngressController.
local byType = {}
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do byType[c.type] = c end
local function is(t, s) return byType[t] ~= nil and byType[t].status == s end
if is("Degraded", "True") then
  return { status = "Degraded", message = byType["Degraded"].message or "" }
end
if byType["Available"] == nil then
  return { status = "Progressing", message = "Status of IngressController is not known yet" }
end
if is("DeploymentReplicasAllAvailable", "False") then
  return { status = "Progressing", message = byType["DeploymentReplicasAllAvailable"].message or "" }
end
if is("Progressing", "True") then
  return { status = "Progressing", message = byType["Progressing"].message or "" }
end
if is("Available", "True") then
  return { status = "Healthy", message = "IngressController is available" }
end
return { status = "Degraded", message = byType["Available"].message or "" }
