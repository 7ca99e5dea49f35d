-- Capstan health script for sparkoperator.k8s.io/SparkApplication, by application state.
local state = obj.status and obj.status.applicationState and obj.status.applicationState.state
if state == nil then
  return { status = "Progressing", message = "Waiting for SparkApplication to be submitted" }
end
-- PENDING_RERUN -> "Pending Rerun"
local words = {}
for word in string.gmatch(state, "[^_]+") do
  words[#words + 1] = string.upper(string.sub(word, 1, 1)) .. string.lower(string.sub(word, 2))
end
local title = table.concat(words, " ")
if state == "RUNNING" or state == "COMPLETED" then
  return { status = "Healthy", message = "SparkApplication is " .. title }
end
if state == "FAILED" or state == "SUBMISSION_FAILED" or state == "FAILING" then
  local message = obj.status.applicationState.errorMessage
  if message == nil or message == "" then message = "SparkApplication is " .. title end
  return { status = "Degraded", message = message }
end
return { status = "Progressing", message = "SparkApplication is " .. title }
