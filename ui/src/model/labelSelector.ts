// Kubernetes label selectors, evaluated in memory: a=b, a==b, a!=b, a in (x,y), a notin (x), a, !a.

export type Requirement =
  | { op: "eq"; key: string; value: string }
  | { op: "ne"; key: string; value: string }
  | { op: "in"; key: string; values: string[] }
  | { op: "notin"; key: string; values: string[] }
  | { op: "exists"; key: string }
  | { op: "notexists"; key: string };

export type Selector =
  | { ok: true; requirements: Requirement[] }
  | { ok: false; error: string };

const KEY = /^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?$/;

/** Splits on commas that are not inside parentheses. */
function splitTop(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of s) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(cur);
      cur = "";
    } else {
      cur += ch;
    }
  }
  parts.push(cur);
  return parts;
}

function parseOne(raw: string): Requirement | string {
  const s = raw.trim();
  if (s === "") return "empty requirement";
  let m = /^([^\s!=]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(s);
  if (m) {
    const values = m[3].split(",").map((v) => v.trim());
    if (!KEY.test(m[1])) return `invalid key "${m[1]}"`;
    const bad = values.find((v) => !VALUE.test(v));
    if (bad !== undefined) return `invalid value "${bad}"`;
    return m[2] === "in"
      ? { op: "in", key: m[1], values }
      : { op: "notin", key: m[1], values };
  }
  m = /^([^\s!=]+)\s*(==|=|!=)\s*(\S*)$/.exec(s);
  if (m) {
    if (!KEY.test(m[1])) return `invalid key "${m[1]}"`;
    if (!VALUE.test(m[3])) return `invalid value "${m[3]}"`;
    return m[2] === "!="
      ? { op: "ne", key: m[1], value: m[3] }
      : { op: "eq", key: m[1], value: m[3] };
  }
  m = /^!\s*(\S+)$/.exec(s);
  if (m) {
    return KEY.test(m[1]) ? { op: "notexists", key: m[1] } : `invalid key "${m[1]}"`;
  }
  if (KEY.test(s)) return { op: "exists", key: s };
  return `cannot read "${s}"`;
}

export function parseSelector(text: string): Selector {
  if (text.trim() === "") return { ok: true, requirements: [] };
  const requirements: Requirement[] = [];
  for (const part of splitTop(text)) {
    const r = parseOne(part);
    if (typeof r === "string") return { ok: false, error: r };
    requirements.push(r);
  }
  return { ok: true, requirements };
}

export function matchesSelector(
  requirements: Requirement[],
  labels: Record<string, string> | undefined,
): boolean {
  const l = labels ?? {};
  for (const r of requirements) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.op) {
      case "eq":
        if (!has || v !== r.value) return false;
        break;
      case "ne":
        if (has && v === r.value) return false;
        break;
      case "in":
        if (!has || !r.values.includes(v)) return false;
        break;
      case "notin":
        if (has && r.values.includes(v)) return false;
        break;
      case "exists":
        if (!has) return false;
        break;
      case "notexists":
        if (has) return false;
        break;
    }
  }
  return true;
}
