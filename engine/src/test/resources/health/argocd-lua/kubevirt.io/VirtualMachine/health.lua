-- Capstan health script for kubevirt.io/VirtualMachine, by status.printableStatus.
local printable = obj.status and obj.status.printableStatus
if printable == nil then
  return { status = "Progressing", message = "No status available" }
end
if printable == "Running" then
  return { status = "Healthy", message = printable }
end
if printable == "Stopped" or printable == "Paused" then
  return { status = "Suspended", message = printable }
end
local failures = {
  CrashLoopBackOff = true, ErrorUnschedulable = true, ErrImagePull = true, ImagePullBackOff = true,
  ErrorPvcNotFound = true, ErrorDataVolumeNotFound = true, DataVolumeError = true,
}
if failures[printable] then
  return { status = "Degraded", message = printable }
end
return { status = "Progressing", message = printable }
