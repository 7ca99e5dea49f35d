-- Capstan health script for logstash.k8s.elastic.co/Logstash (ECK), by status.health.
local health = obj.status and obj.status.health
if health == "green" then
  return { status = "Healthy", message = "Logstash status is Green" }
elseif health == "yellow" then
  return { status = "Progressing", message = "Logstash status is Yellow" }
elseif health == "red" then
  return { status = "Degraded", message = "Logstash status is Red" }
end
return { status = "Progressing", message = "Waiting for Logstash" }
