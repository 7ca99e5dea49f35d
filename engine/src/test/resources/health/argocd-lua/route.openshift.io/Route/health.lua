-- Capstan health script for route.openshift.io/Route: every router must admit the route.
local ingress = (obj.status and obj.status.ingress) or {}
local pending = #ingress == 0
for _, router in ipairs(ingress) do
  for _, c in ipairs(router.conditions or {}) do
    if c.type == "Admitted" then
      if c.status == "False" then
        return { status = "Degraded", message = "Route is degraded" }
      elseif c.status ~= "True" then
        pending = true
      end
    end
  end
end
if pending then
  return { status = "Progressing", message = "Route is still getting admitted" }
end
return { status = "Healthy", message = "Route is healthy" }
