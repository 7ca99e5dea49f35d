-- Capstan health script for jaegertracing.io/Jaeger, by status.phase.
local phase = obj.status and obj.status.phase
if phase == "Running" then return { status = "Healthy", message = "Jaeger is Running" } end
if phase == "Failed" then return { status = "Degraded", message = "Jaeger Failed For Some Reason" } end
return { status = "Progressing", message = "Waiting for Jaeger" }
