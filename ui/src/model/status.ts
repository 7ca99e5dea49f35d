// Sync and health words (Argo CD's and Flux's, exactly) and how they look.

export const SYNC_STATUSES = ["Synced", "OutOfSync", "Unknown"] as const;
export const HEALTH_STATUSES = [
  "Healthy",
  "Progressing",
  "Degraded",
  "Suspended",
  "Missing",
  "Unknown",
] as const;

export type Tone = "ok" | "warn" | "bad" | "info" | "muted";

export function syncTone(status: string | undefined): Tone {
  switch (status) {
    case "Synced":
      return "ok";
    case "OutOfSync":
      return "warn";
    default:
      return "muted";
  }
}

export function healthTone(status: string | undefined): Tone {
  switch (status) {
    case "Healthy":
      return "ok";
    case "Progressing":
      return "info";
    case "Degraded":
      return "bad";
    case "Suspended":
      return "info";
    case "Missing":
      return "warn";
    default:
      return "muted";
  }
}

export function readyTone(status: string | undefined): Tone {
  return status === "True" ? "ok" : status === "False" ? "bad" : "muted";
}

export function phaseTone(phase: string | undefined): Tone {
  switch (phase) {
    case "Succeeded":
      return "ok";
    case "Running":
    case "Terminating":
      return "info";
    case "Failed":
    case "Error":
      return "bad";
    default:
      return "muted";
  }
}

/** A short commit: the first 7 characters of a SHA, or the revision as it is. */
export function shortRevision(rev: string | undefined): string {
  if (!rev) return "";
  const sha = /^(?:sha1:|sha256:)?([0-9a-f]{40}|[0-9a-f]{64})$/.exec(rev);
  if (sha) return sha[1].slice(0, 7);
  // Flux revisions look like "main@sha1:abcdef...".
  const flux = /^(.*)@sha(?:1|256):([0-9a-f]{7,})$/.exec(rev);
  if (flux) return `${flux[1]}@${flux[2].slice(0, 7)}`;
  return rev;
}
