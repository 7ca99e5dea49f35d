-- Capstan health script for pkg.crossplane.io/Provider: installed and healthy.
local conditions = (obj.status and obj.status.conditions) or {}
local installed, healthy = nil, nil
for _, c in ipairs(conditions) do
  if c.type == "Installed" then installed = c end
  if c.type == "Healthy" then healthy = c end
end
if installed == nil or healthy == nil then
  return { status = "Progressing", message = "Waiting for provider to be installed" }
end
local message = (installed.reason or "") .. " " .. (healthy.reason or "")
if installed.status == "True" and healthy.status == "True" then
  return { status = "Healthy", message = message }
end
return { status = "Degraded", message = message }
