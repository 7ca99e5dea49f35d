-- Capstan health script for rabbitmq.com/Policy (messaging topology operator).
local noun = "RabbitMQ policy"
if obj.status ~= nil and obj.status.conditions ~= nil then
  for _, c in ipairs(obj.status.conditions) do
    if c.type == "Ready" then
      if c.status == "True" then
        return { status = "Healthy", message = noun .. " ready" }
      elseif c.status == "False" then
        return { status = "Degraded", message = noun .. " failed to be created or updated" }
      end
    end
  end
end
return { status = "Unknown", message = noun .. " status is unknown" }
