// The application list model: summaries of Applications, in-memory filters, and a store that
// applies stream events one at a time without rebuilding what did not change.

import type { Application } from "../api/types";
import { matchesSelector, parseSelector } from "./labelSelector";

export interface AppSummary {
  key: string;
  name: string;
  namespace: string;
  project: string;
  sync: string;
  health: string;
  revision: string;
  repoURL: string;
  path: string;
  targetRevision: string;
  destination: string;
  destNamespace: string;
  labels: Record<string, string>;
  operationPhase: string;
  autoSync: boolean;
  resourceVersion: string;
  lowerName: string;
}

export function appKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

export function summarize(app: Application): AppSummary {
  const m = app.metadata;
  const ns = m.namespace ?? "";
  const src = app.spec?.source ?? app.spec?.sources?.[0] ?? {};
  const dest = app.spec?.destination ?? {};
  return {
    key: appKey(ns, m.name),
    name: m.name,
    namespace: ns,
    project: app.spec?.project || "default",
    sync: app.status?.sync?.status || "Unknown",
    health: app.status?.health?.status || "Unknown",
    revision: app.status?.sync?.revision ?? "",
    repoURL: src.repoURL ?? "",
    path: src.path ?? src.chart ?? "",
    targetRevision: src.targetRevision || "HEAD",
    destination: dest.server ?? dest.name ?? "",
    destNamespace: dest.namespace ?? "",
    labels: m.labels ?? {},
    operationPhase: app.status?.operationState?.phase ?? "",
    autoSync: app.spec?.syncPolicy?.automated != null,
    resourceVersion: m.resourceVersion ?? "",
    lowerName: m.name.toLowerCase(),
  };
}

export interface AppFilter {
  search: string;
  sync: string;
  health: string;
  project: string;
  namespace: string;
  label: string;
}

export const EMPTY_FILTER: AppFilter = {
  search: "",
  sync: "",
  health: "",
  project: "",
  namespace: "",
  label: "",
};

export interface CompiledFilter {
  match: (a: AppSummary) => boolean;
  error?: string;
}

export function compileFilter(f: AppFilter): CompiledFilter {
  const search = f.search.trim().toLowerCase();
  const sel = parseSelector(f.label);
  const reqs = sel.ok ? sel.requirements : [];
  return {
    error: sel.ok ? undefined : `label selector: ${sel.error}`,
    match: (a) =>
      (search === "" || a.lowerName.includes(search)) &&
      (f.sync === "" || a.sync === f.sync) &&
      (f.health === "" || a.health === f.health) &&
      (f.project === "" || a.project === f.project) &&
      (f.namespace === "" || a.namespace === f.namespace) &&
      (reqs.length === 0 || matchesSelector(reqs, a.labels)),
  };
}

export function filterApps(list: readonly AppSummary[], f: AppFilter): AppSummary[] {
  const c = compileFilter(f);
  return list.filter(c.match);
}

export interface Facets {
  projects: string[];
  namespaces: string[];
  sync: Record<string, number>;
  health: Record<string, number>;
}

export function facets(list: readonly AppSummary[]): Facets {
  const projects = new Set<string>();
  const namespaces = new Set<string>();
  const sync: Record<string, number> = {};
  const health: Record<string, number> = {};
  for (const a of list) {
    projects.add(a.project);
    namespaces.add(a.namespace);
    sync[a.sync] = (sync[a.sync] ?? 0) + 1;
    health[a.health] = (health[a.health] ?? 0) + 1;
  }
  return {
    projects: [...projects].sort(),
    namespaces: [...namespaces].sort(),
    sync,
    health,
  };
}

function compare(a: AppSummary, b: AppSummary): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0;
}

/**
 * Applications sorted by name then namespace. Each change touches one entry (binary search), and
 * summaries of unchanged Applications keep their identity, so memoised rows do not re-render.
 */
export class AppStore {
  private sorted: AppSummary[] = [];
  private byKey = new Map<string, AppSummary>();
  private snapshot: readonly AppSummary[] = [];
  private dirty = false;

  replaceAll(apps: readonly Application[]): void {
    const next = new Map<string, AppSummary>();
    for (const app of apps) {
      const s = summarize(app);
      const old = this.byKey.get(s.key);
      next.set(s.key, old && old.resourceVersion === s.resourceVersion ? old : s);
    }
    this.byKey = next;
    this.sorted = [...next.values()].sort(compare);
    this.dirty = true;
  }

  /** Applies one stream event; returns whether anything changed. */
  apply(type: "ADDED" | "MODIFIED" | "DELETED", app: Application): boolean {
    const key = appKey(app.metadata.namespace ?? "", app.metadata.name);
    const old = this.byKey.get(key);
    if (type === "DELETED") {
      if (!old) return false;
      this.byKey.delete(key);
      this.sorted.splice(this.indexOf(old), 1);
      this.dirty = true;
      return true;
    }
    const s = summarize(app);
    if (old && old.resourceVersion === s.resourceVersion && s.resourceVersion !== "") {
      return false;
    }
    this.byKey.set(key, s);
    if (old) {
      this.sorted[this.indexOf(old)] = s;
    } else {
      this.sorted.splice(this.insertionPoint(s), 0, s);
    }
    this.dirty = true;
    return true;
  }

  get(key: string): AppSummary | undefined {
    return this.byKey.get(key);
  }

  get size(): number {
    return this.sorted.length;
  }

  /** An immutable view; a new array only after a change. */
  list(): readonly AppSummary[] {
    if (this.dirty) {
      this.snapshot = this.sorted.slice();
      this.dirty = false;
    }
    return this.snapshot;
  }

  private insertionPoint(s: AppSummary): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(this.sorted[mid], s) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private indexOf(s: AppSummary): number {
    const i = this.insertionPoint(s);
    if (this.sorted[i]?.key === s.key) return i;
    return this.sorted.findIndex((x) => x.key === s.key);
  }
}
