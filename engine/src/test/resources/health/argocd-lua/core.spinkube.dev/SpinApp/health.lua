-- Capstan health script for core.spinkube.dev/SpinApp: Deployment-style conditions.
local s = obj.status
if s == nil or s.conditions == nil then
  return { status = "Progressing", message = "Waiting for status to be available" }
end
local byType = {}
for _, c in ipairs(s.conditions) do byType[c.type] = c end
local progressing = byType["Progressing"]
if progressing ~= nil and progressing.reason == "ProgressDeadlineExceeded" then
  return { status = "Degraded", message = progressing.message or "" }
end
if progressing ~= nil and progressing.status == "True" then
  return { status = "Progressing", message = progressing.message or "" }
end
if byType["Available"] ~= nil and byType["Available"].status == "True" then
  local desired = (obj.spec and obj.spec.replicas) or 1
  return { status = "Healthy", message = "Application is healthy with " .. (s.readyReplicas or 0) .. "/" .. desired .. " replicas ready" }
end
return { status = "Progressing", message = "Waiting for status to be available" }
