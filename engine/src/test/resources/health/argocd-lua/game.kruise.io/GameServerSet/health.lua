-- Capstan health script for game.kruise.io/GameServerSet (OpenKruiseGame).
local s = obj.status
if s == nil or s.observedGeneration == nil or (obj.metadata.generation ~= nil and s.observedGeneration < obj.metadata.generation) then
  return { status = "Progressing", message = "Waiting for GameServerSet initialization" }
end
local rolling = (obj.spec and obj.spec.updateStrategy and obj.spec.updateStrategy.rollingUpdate) or {}
if rolling.paused == true then
  return { status = "Suspended", message = "GameServerSet is paused" }
end
local replicas = (obj.spec and obj.spec.replicas) or s.replicas or 0
local partition = rolling.partition or 0
if partition > 0 and (s.updatedReplicas or 0) >= replicas - partition then
  return { status = "Suspended", message = "Partition=" .. partition .. ", waiting for manual intervention" }
end
if s.readyReplicas == nil then
  return { status = "Progressing", message = "Waiting for GameServerSet initialization" }
end
if s.readyReplicas < replicas or (s.updatedReadyReplicas or 0) < replicas then
  return { status = "Progressing", message = "ReadyReplicas " .. s.readyReplicas .. "/" .. replicas .. ", still progressing" }
end
return { status = "Healthy", message = "All GameServerSet replicas are updated and ready" }
