-- Capstan health script for cassandra.rook.io/Cluster: every rack's members ready.
local racks = obj.status and obj.status.racks
if racks == nil then
  return { status = "Progressing", message = "Waiting for Cassandra Cluster" }
end
for _, rack in pairs(racks) do
  if (rack.readyMembers or 0) < (rack.members or 0) then
    return { status = "Progressing", message = "Waiting for Cassandra Cluster" }
  end
end
return { status = "Healthy", message = "" }
