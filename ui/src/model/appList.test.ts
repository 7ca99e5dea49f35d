import { describe, expect, it } from "vitest";
import type { Application } from "../api/types";
import { AppStore, EMPTY_FILTER, facets, filterApps } from "./appList";

const SYNC = ["Synced", "OutOfSync", "Unknown"];
const HEALTH = ["Healthy", "Progressing", "Degraded", "Suspended", "Missing", "Unknown"];

function app(i: number, rv = 1, over: Partial<{ sync: string; health: string }> = {}): Application {
  return {
    metadata: {
      name: `app-${String(i).padStart(4, "0")}`,
      namespace: `team-${i % 7}`,
      resourceVersion: String(rv),
      labels: { team: `t${i % 5}`, env: i % 2 ? "prod" : "dev" },
    },
    spec: {
      project: `proj-${i % 3}`,
      source: { repoURL: "https://git.example/repo.git", path: `apps/${i}`, targetRevision: "main" },
      destination: { server: "https://kubernetes.default.svc", namespace: `ns-${i}` },
      syncPolicy: i % 4 === 0 ? { automated: { prune: true } } : undefined,
    },
    status: {
      sync: { status: over.sync ?? SYNC[i % 3], revision: "0123456789abcdef0123456789abcdef01234567" },
      health: { status: over.health ?? HEALTH[i % 6] },
    },
  };
}

describe("application list model", () => {
  it("filters by search, sync, health, project, namespace and labels", () => {
    const store = new AppStore();
    store.replaceAll(Array.from({ length: 60 }, (_, i) => app(i)));
    const all = store.list();
    expect(all).toHaveLength(60);
    expect(filterApps(all, { ...EMPTY_FILTER, search: "APP-001" }).map((a) => a.name)).toEqual(
      Array.from({ length: 10 }, (_, i) => `app-001${i}`),
    );
    expect(filterApps(all, { ...EMPTY_FILTER, sync: "OutOfSync" })).toHaveLength(20);
    expect(filterApps(all, { ...EMPTY_FILTER, health: "Degraded" })).toHaveLength(10);
    expect(filterApps(all, { ...EMPTY_FILTER, project: "proj-1", namespace: "team-1" }).map((a) => a.name)).toEqual([
      "app-0001",
      "app-0022",
      "app-0043",
    ]);
    expect(filterApps(all, { ...EMPTY_FILTER, label: "team in (t1,t2),env=prod" })).toHaveLength(12);
    expect(filterApps(all, { ...EMPTY_FILTER, label: "team in prod" })).toHaveLength(60); // invalid: no label filter (the page shows the error)
    const f = facets(all);
    expect(f.projects).toEqual(["proj-0", "proj-1", "proj-2"]);
    expect(f.namespaces).toHaveLength(7);
    expect(f.sync.Synced).toBe(20);
  });

  it("applies stream events in place and keeps unchanged summaries", () => {
    const store = new AppStore();
    store.replaceAll([app(2), app(1)]);
    const before = store.list();
    expect(before.map((a) => a.name)).toEqual(["app-0001", "app-0002"]);
    expect(store.apply("MODIFIED", app(2, 1))).toBe(false); // same resourceVersion
    expect(store.list()).toBe(before);
    expect(store.apply("MODIFIED", app(2, 2, { sync: "OutOfSync" }))).toBe(true);
    const after = store.list();
    expect(after).not.toBe(before);
    expect(after[0]).toBe(before[0]);
    expect(after[1].sync).toBe("OutOfSync");
    store.apply("ADDED", app(0));
    store.apply("DELETED", app(1));
    expect(store.list().map((a) => a.name)).toEqual(["app-0000", "app-0002"]);
    expect(store.apply("DELETED", app(9))).toBe(false);
  });

  it("2,000 applications: filter and update timings (reported, not asserted)", () => {
    const N = 2000;
    const apps = Array.from({ length: N }, (_, i) => app(i));
    const store = new AppStore();
    let t = performance.now();
    store.replaceAll(apps);
    const load = performance.now() - t;

    const filters = [
      { ...EMPTY_FILTER, search: "app-1" },
      { ...EMPTY_FILTER, sync: "OutOfSync", health: "Healthy" },
      { ...EMPTY_FILTER, label: "team in (t1,t3),env=prod" },
      { ...EMPTY_FILTER, project: "proj-2", namespace: "team-3", search: "9" },
    ];
    const runs = 50;
    t = performance.now();
    let matched = 0;
    for (let r = 0; r < runs; r++) for (const f of filters) matched += filterApps(store.list(), f).length;
    const filter = (performance.now() - t) / (runs * filters.length);

    // A burst of 2,000 stream events (every application changes once), flushed as one list.
    t = performance.now();
    for (let i = 0; i < N; i++) store.apply("MODIFIED", app(i, 2, { sync: "Synced" }));
    store.list();
    const burst = performance.now() - t;

    // Single events, each followed by a new list snapshot and a re-filter (the UI's worst case).
    t = performance.now();
    for (let i = 0; i < 200; i++) {
      store.apply("MODIFIED", app(i * 10, 3, { health: "Degraded" }));
      filterApps(store.list(), filters[1]);
    }
    const single = (performance.now() - t) / 200;

    console.log(
      `[2000 apps] load ${load.toFixed(1)} ms; filter ${filter.toFixed(2)} ms/filter; ` +
        `burst of ${N} events ${burst.toFixed(1)} ms; one event + snapshot + filter ${single.toFixed(3)} ms`,
    );
    expect(matched).toBeGreaterThan(0);
    expect(store.size).toBe(N);
    expect(filterApps(store.list(), { ...EMPTY_FILTER, health: "Degraded" }).length).toBeGreaterThanOrEqual(200);
  });
});
