// Manifests as YAML text: the API sends JSON (objects, or JSON strings as Argo CD does).

import { stringify } from "yaml";

export function toYaml(state: unknown): string {
  let obj = state;
  if (typeof state === "string") {
    if (state.trim() === "" || state === "null") return "";
    try {
      obj = JSON.parse(state);
    } catch {
      return state;
    }
  }
  if (obj === null || obj === undefined) return "";
  return stringify(withoutNoise(obj), { lineWidth: 0, sortMapEntries: false });
}

/** Drops managedFields and the last-applied annotation, which are noise in a diff. */
function withoutNoise(obj: unknown): unknown {
  if (typeof obj !== "object" || obj === null || Array.isArray(obj)) return obj;
  const o = { ...(obj as Record<string, unknown>) };
  const meta = o.metadata;
  if (typeof meta === "object" && meta !== null && !Array.isArray(meta)) {
    const m = { ...(meta as Record<string, unknown>) };
    delete m.managedFields;
    const ann = m.annotations as Record<string, string> | undefined;
    if (ann && "kubectl.kubernetes.io/last-applied-configuration" in ann) {
      const a = { ...ann };
      delete a["kubectl.kubernetes.io/last-applied-configuration"];
      m.annotations = Object.keys(a).length ? a : undefined;
      if (!m.annotations) delete m.annotations;
    }
    o.metadata = m;
  }
  return o;
}
