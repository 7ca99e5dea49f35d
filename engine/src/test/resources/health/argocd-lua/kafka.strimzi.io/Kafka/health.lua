-- Capstan health script for kafka.strimzi.io/Kafka (Strimzi).
local waiting = "Waiting for Kafka Cluster"
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  if c.type == "NotReady" and c.status == "True" then
    return { status = "Degraded", message = c.message or "" }
  end
  if c.type == "Ready" and c.status == "True" then
    return { status = "Healthy", message = "" }
  end
end
return { status = "Progressing", message = waiting }
