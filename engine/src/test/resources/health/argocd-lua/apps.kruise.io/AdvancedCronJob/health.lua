-- Capstan health script for apps.kruise.io/AdvancedCronJob.
if obj.spec ~= nil and obj.spec.paused == true then
  return { status = "Suspended", message = "AdvancedCronJob is Paused" }
end
local s = obj.status or {}
if s.active ~= nil and #s.active > 0 then
  return { status = "Progressing", message = "AdvancedCronJobs has active jobs" }
end
if s.lastScheduleTime ~= nil then
  return { status = "Healthy", message = "AdvancedCronJobs has run successfully" }
end
return { status = "Degraded", message = "AdvancedCronJobs has not run successfully" }
