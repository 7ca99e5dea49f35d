-- Capstan health script for ocs.openshift.io/StorageCluster (OpenShift Data Foundation).
local byType = {}
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do byType[c.type] = c end
local function is(t, s) return byType[t] ~= nil and byType[t].status == s end
if is("Progressing", "True") then
  return { status = "Progressing", message = byType["Progressing"].message or "" }
end
if is("Degraded", "True") then
  return { status = "Degraded", message = byType["Degraded"].message or "" }
end
if is("Available", "True") then
  return { status = "Healthy", message = byType["Available"].message or "" }
end
if is("Available", "False") then
  return { status = "Degraded", message = byType["Available"].message or "" }
end
return { status = "Progressing", message = "Waiting for StorageCluster status" }
