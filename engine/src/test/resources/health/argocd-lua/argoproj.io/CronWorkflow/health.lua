-- Capstan health script for argoproj.io/CronWorkflow: error conditions, else healthy.
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  if (c.type == "SpecError" or c.type == "SubmissionError") and c.status == "True" then
    return { status = "Degraded", message = c.message or "" }
  end
end
for _, c in ipairs((obj.status and obj.status.conditions) or {}) do
  if c.type == "Completed" and c.status == "True" then
    return { status = "Healthy", message = c.message or "" }
  end
end
return { status = "Healthy", message = "CronWorkflow is healthy." }
