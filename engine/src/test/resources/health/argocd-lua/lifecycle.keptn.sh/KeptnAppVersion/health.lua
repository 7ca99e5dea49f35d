-- Capstan health script for Keptn lifecycle kinds (lifecycle.keptn.sh): every phase status
-- field (status.status, status.*Status) must have Succeeded.
local failed, pending = false, false
for key, value in pairs(obj.status or {}) do
  if type(value) == "string" and (key == "status" or string.sub(key, -6) == "Status") then
    if value == "Failed" then
      failed = true
    elseif value ~= "Succeeded" then
      pending = true
    end
  end
end
if failed then
  return { status = "Degraded", message = obj.kind .. " is degraded" }
end
if pending or obj.status == nil then
  return { status = "Progressing", message = obj.kind .. " is progressing" }
end
return { status = "Healthy", message = obj.kind .. " is healthy" }
