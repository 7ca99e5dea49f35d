-- Capstan health script for beat.k8s.elastic.co/Beat (ECK).
local unknown = { status = "Unknown", message = "Elastic Beat status is unknown. Ensure your ArgoCD is current and then check for/file a bug report: https://github.com/argoproj/argo-cd/issues" }
local status = obj.status
if status == nil then
  return unknown
end
local progressing = { status = "Progressing", message = "Elastic Beat phase is progressing" }
if status.health == nil then
  if status.expectedNodes ~= nil then return progressing end
  return unknown
end
if status.health == "green" then
  return { status = "Healthy", message = "Elastic Beat status is Green" }
elseif status.health == "red" then
  return { status = "Degraded", message = "Elastic Beat status is Red" }
elseif status.health == "yellow" then
  if status.availableNodes ~= nil and status.expectedNodes ~= nil then
    return { status = "Progressing",
             message = "Elastic Beat status is deploying, there is " .. status.availableNodes
               .. " instance(s) on " .. status.expectedNodes .. " expected" }
  end
  return progressing
end
return unknown
