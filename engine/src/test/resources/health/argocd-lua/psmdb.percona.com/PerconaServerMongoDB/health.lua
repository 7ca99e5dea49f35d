-- Capstan health script for psmdb.percona.com/PerconaServerMongoDB, by status.state.
local s = obj.status or {}
local nodes = (s.ready or 0) .. "/" .. (s.size or 0) .. " node(s) are ready"
local verdicts = {
  ready = "Healthy", initializing = "Progressing", stopping = "Progressing",
  paused = "Suspended", error = "Degraded",
}
return { status = verdicts[s.state] or "Unknown", message = nodes }
