-- Capstan health script for Gateway API routes: each parent's current conditions.
local function text(c) if c.message ~= nil and c.message ~= "" then return c.message end return "Failed condition: " .. c.type end
local parents = (obj.status and obj.status.parents) or {}
if #parents == 0 then
  return { status = "Progressing", message = "Waiting for " .. obj.kind .. " status" }
end
local generation = obj.metadata.generation
local function current(c)
  return generation == nil or c.observedGeneration == nil or c.observedGeneration >= generation
end
local progressing = nil
for _, parent in ipairs(parents) do
  local name = (parent.parentRef and parent.parentRef.name) or ""
  for _, c in ipairs(parent.conditions or {}) do
    if current(c) then
      if (c.type == "Accepted" or c.type == "ResolvedRefs") and c.status == "False" then
        return { status = "Degraded", message = "Parent " .. name .. ": " .. text(c) }
      end
      if c.type == "Programmed" and c.status ~= "True" and progressing == nil then
        progressing = "Parent " .. name .. ": " .. text(c)
      end
    end
  end
end
if progressing ~= nil then
  return { status = "Progressing", message = progressing }
end
return { status = "Healthy", message = obj.kind .. " is healthy" }
