-- Capstan health script for astra.netapp.io/Schedule.
local last = obj.status and obj.status.lastScheduleTime
if last ~= nil then
  return { status = "Healthy", message = "Protection policy lastScheduleTime: " .. last }
end
return { status = "Healthy", message = "Protection policy not yet executed" }
