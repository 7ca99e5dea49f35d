-- Capstan health script for operators.coreos.com/Subscription (OLM).
-- The message lists the conditions ("<n>: <type> | <status>") and the subscription state.
local s = obj.status or {}
local conditions = s.conditions or {}
local manual = obj.spec ~= nil and obj.spec.installPlanApproval == "Manual"
-- An installed operator whose next upgrade waits for a manual approval is working as asked.
local awaitingApproval = false
if manual and s.state == "UpgradePending" and s.installedCSV ~= nil then
  for _, c in ipairs(conditions) do
    if c.type == "InstallPlanPending" and c.status == "True" and c.reason == "RequiresApproval" then
      awaitingApproval = true
    end
  end
end
local failures = { CatalogSourcesUnhealthy = true, InstallPlanFailed = true, ResolutionFailed = true }
local degraded = false
local lines, n = "", 0
for _, c in ipairs(conditions) do
  local skip = awaitingApproval and c.type == "InstallPlanPending"
  if not skip then
    n = n + 1
    lines = lines .. n .. ": " .. c.type .. " | " .. c.status .. "\n"
  end
  if failures[c.type] and c.status == "True" then degraded = true end
end
if s.state == nil then
  lines = lines .. ".status.state not yet known\n"
elseif awaitingApproval then
  lines = lines .. ".status.state is '" .. s.state .. "' (manual InstallPlan approval pending; treated as healthy)\n"
else
  lines = lines .. ".status.state is '" .. s.state .. "'\n"
end
if degraded then
  return { status = "Degraded", message = lines }
end
if s.state == "AtLatestKnown" or awaitingApproval then
  return { status = "Healthy", message = lines }
end
return { status = "Progressing", message = lines }
