-- Capstan health script for flagger.app/Canary: the Promoted condition, with the analysis phase.
local s = obj.status
if s == nil or s.conditions == nil then
  return { status = "Progressing", message = "Waiting for the canary to be initialized" }
end
for _, c in ipairs(s.conditions) do
  if c.type == "Promoted" then
    local phase = s.phase or c.reason or ""
    local message = phase .. " --- "
    if (s.canaryWeight or 0) > 0 then
      message = message .. "Canary Weight: " .. s.canaryWeight .. " % --- "
    end
    message = message .. (c.message or "")
    local verdicts = { True = "Healthy", False = "Degraded" }
    return { status = verdicts[c.status] or "Progressing", message = message }
  end
end
return { status = "Progressing", message = "Waiting for the canary to be initialized" }
