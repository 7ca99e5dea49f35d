-- Capstan health script for camel.apache.org/Integration (Camel K), by status.phase.
local s = obj.status
local phase = s and s.phase
if phase == "Running" then return { status = "Healthy", message = "" } end
if phase == "Error" then
  for _, c in ipairs(s.conditions or {}) do
    if c.type == "Ready" and c.status ~= "True" then return { status = "Degraded", message = c.message or "" } end
  end
  return { status = "Degraded", message = "Integration is in error" }
end
return { status = "Progressing", message = "Waiting for Integration" }
