-- Capstan health script for acid.zalan.do/postgresql (Zalando Postgres operator).
local state = obj.status and obj.status.PostgresClusterStatus
if state == nil or state == "" then
  return { status = "Progressing", message = "Waiting for postgres cluster status..." }
end
if state == "Running" then
  return { status = "Healthy", message = state }
end
if string.find(state, "Failed", 1, true) ~= nil then
  return { status = "Degraded", message = state }
end
return { status = "Progressing", message = state }
