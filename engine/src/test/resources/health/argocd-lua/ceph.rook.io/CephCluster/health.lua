-- Capstan health script for ceph.rook.io/CephCluster (Rook).
local s = obj.status
if s == nil or (s.ceph == nil and s.state == nil) then
  return { status = "Progressing", message = "Waiting for status to be reported" }
end
if s.ceph == nil or s.ceph.health == nil then
  return { status = "Progressing", message = s.message or "" }
end
local health = s.ceph.health
if health == "HEALTH_OK" then
  return { status = "Healthy",
           message = "Ceph health is HEALTH_OK - Ceph cluster state is " .. (s.state or "") .. " - " .. (s.message or "") }
end
-- Health details are keyed by check name; list their messages in name order.
local names = {}
for name, _ in pairs(s.ceph.details or {}) do names[#names + 1] = name end
table.sort(names)
local details = {}
for _, name in ipairs(names) do details[#details + 1] = s.ceph.details[name].message or name end
local message = "Ceph health is " .. health
if #details > 0 then message = message .. " (" .. table.concat(details, "; ") .. ")" end
return { status = "Degraded", message = message .. " - " .. (s.message or "") }
