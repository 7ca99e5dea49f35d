-- Capstan health script for clickhouse.altinity.com/ClickHouseInstallation (Altinity operator), by status.status.
local name = "ClickHouse"
local state = obj.status and obj.status.status
if state == nil then
  return { status = "Progressing", message = name .. " status not yet available" }
end
if state == "Completed" then
  return { status = "Healthy", message = name .. " installation completed successfully" }
end
if state == "InProgress" then
  return { status = "Progressing", message = name .. " installation in progress" }
end
return { status = "Degraded", message = name .. " status: " .. state }
