import { memo, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { bannerErrors, get } from "../api/client";
import type { Application, ListResponse, StreamEvent, UserInfo } from "../api/types";
import { Empty, Loading, Problem, useSize } from "../components/common";
import { Status } from "../components/Status";
import { VirtualRows } from "../components/VirtualRows";
import {
  AppStore,
  compileFilter,
  EMPTY_FILTER,
  facets,
  type AppFilter,
  type AppSummary,
} from "../model/appList";
import { HEALTH_STATUSES, healthTone, shortRevision, SYNC_STATUSES, syncTone } from "../model/status";
import { Link, navigate } from "../router";

const STREAM_WHAT = "live updates of applications";
const LIST_WHAT = "loading applications";
const FLUSH_MS = 150;

function appPath(a: AppSummary): string {
  return `/applications/${encodeURIComponent(a.namespace)}/${encodeURIComponent(a.name)}`;
}

/**
 * The store of all Applications the user may see: the list from the API, then every change from
 * the SSE stream. Changes are batched (one render per 150 ms at most).
 */
function useApplications(): { apps: readonly AppSummary[]; loaded: boolean; failed: string } {
  const store = useRef(new AppStore());
  const [apps, setApps] = useState<readonly AppSummary[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [failed, setFailed] = useState("");

  useEffect(() => {
    let closed = false;
    let source: EventSource | undefined;
    let flushTimer: number | undefined;
    let retryTimer: number | undefined;
    let lostConnection = false;
    const flush = () => {
      flushTimer = undefined;
      setApps(store.current.list());
    };
    const schedule = () => {
      if (flushTimer === undefined) flushTimer = window.setTimeout(flush, FLUSH_MS);
    };
    const load = async () => {
      try {
        const list = await get<ListResponse<Application>>("/api/v1/applications", LIST_WHAT);
        if (closed) return;
        store.current.replaceAll(list.items ?? []);
        setApps(store.current.list());
        setFailed("");
      } catch (e) {
        if (!closed) setFailed(e instanceof Error ? e.message : String(e));
      } finally {
        if (!closed) setLoaded(true);
      }
    };
    const connect = () => {
      source = new EventSource("/api/v1/stream/applications", { withCredentials: true });
      source.onopen = () => {
        bannerErrors.clear(STREAM_WHAT);
        if (lostConnection) {
          lostConnection = false;
          void load(); // deletions while disconnected
        }
      };
      source.onmessage = (m) => {
        try {
          const ev = JSON.parse(m.data) as StreamEvent;
          if (ev.result && store.current.apply(ev.result.type, ev.result.application)) schedule();
        } catch {
          // A malformed event is skipped; the next list load corrects the store.
        }
      };
      source.onerror = () => {
        lostConnection = true;
        bannerErrors.set(STREAM_WHAT, `${STREAM_WHAT} failed: the connection to the server was lost; reconnecting`);
        if (source?.readyState === EventSource.CLOSED) {
          source.close();
          // A closed stream may mean an expired session: userinfo answers 401 then.
          get<UserInfo>("/api/v1/session/userinfo", "checking the session").catch(() => {});
          retryTimer = window.setTimeout(() => !closed && connect(), 5000);
        }
      };
    };
    void load().then(() => !closed && connect());
    return () => {
      closed = true;
      source?.close();
      window.clearTimeout(flushTimer);
      window.clearTimeout(retryTimer);
      bannerErrors.clear(STREAM_WHAT);
    };
  }, []);
  return { apps, loaded, failed };
}

type View = "tiles" | "table";

function savedView(): View {
  try {
    return localStorage.getItem("capstan.appView") === "table" ? "table" : "tiles";
  } catch {
    return "tiles";
  }
}

export function AppListPage() {
  const { apps, loaded, failed } = useApplications();
  const [view, setViewState] = useState<View>(savedView);
  const [filter, setFilter] = useState<AppFilter>(EMPTY_FILTER);
  const deferred = useDeferredValue(filter);
  const compiled = useMemo(() => compileFilter(deferred), [deferred]);
  const shown = useMemo(() => apps.filter(compiled.match), [apps, compiled]);
  const f = useMemo(() => facets(apps), [apps]);

  const setView = (v: View) => {
    setViewState(v);
    try {
      localStorage.setItem("capstan.appView", v);
    } catch {
      // private mode: the choice is not kept
    }
  };
  const set = (k: keyof AppFilter) => (v: string) => setFilter((old) => ({ ...old, [k]: v }));
  const filtered = Object.values(deferred).some((v) => v !== "");
  const editing = Object.values(filter).some((v) => v !== "");

  return (
    <div className="page list-page">
      <div className="toolbar">
        <h1>Applications</h1>
        <span className="count">
          {loaded ? (filtered ? `${shown.length} of ${apps.length}` : `${apps.length}`) : ""}
        </span>
        <div className="spacer" />
        <Summary label="Sync" counts={f.sync} tone={syncTone} />
        <Summary label="Health" counts={f.health} tone={healthTone} />
        <div className="toggle" role="group" aria-label="View">
          <button type="button" data-testid="view-tiles" className={view === "tiles" ? "on" : ""} aria-pressed={view === "tiles"} onClick={() => setView("tiles")}>
            Tiles
          </button>
          <button type="button" data-testid="view-table" className={view === "table" ? "on" : ""} aria-pressed={view === "table"} onClick={() => setView("table")}>
            Table
          </button>
        </div>
      </div>
      <div className="filters">
        <input
          data-testid="filter-search"
          type="search"
          placeholder="Search by name"
          value={filter.search}
          onChange={(e) => set("search")(e.target.value)}
        />
        <Select testId="filter-sync" label="Sync" all="All sync" value={filter.sync} options={[...SYNC_STATUSES]} onChange={set("sync")} />
        <Select testId="filter-health" label="Health" all="All health" value={filter.health} options={[...HEALTH_STATUSES]} onChange={set("health")} />
        <Select testId="filter-project" label="Project" all="All projects" value={filter.project} options={f.projects} onChange={set("project")} />
        <Select testId="filter-namespace" label="Namespace" all="All namespaces" value={filter.namespace} options={f.namespaces} onChange={set("namespace")} />
        <input
          data-testid="filter-label"
          className={compiled.error ? "invalid" : ""}
          placeholder="Labels, e.g. team=web,env!=dev"
          title={compiled.error ?? "A label selector"}
          value={filter.label}
          onChange={(e) => set("label")(e.target.value)}
        />
        {editing && (
          <button type="button" className="btn small" onClick={() => setFilter(EMPTY_FILTER)}>
            Clear
          </button>
        )}
      </div>
      {compiled.error && <Problem>{compiled.error}</Problem>}
      {!loaded ? (
        <Loading what="applications" />
      ) : (
        <div className="list-area" data-testid="app-list" data-view={view}>
          {failed && apps.length === 0 ? (
            <Problem>Applications could not be loaded: {failed}</Problem>
          ) : shown.length === 0 ? (
            <Empty>
              {apps.length === 0
                ? "No applications yet. Applications you may see appear here as soon as they are created."
                : "No applications match these filters."}
            </Empty>
          ) : view === "tiles" ? (
            <Tiles apps={shown} />
          ) : (
            <Table apps={shown} />
          )}
        </div>
      )}
    </div>
  );
}

function Summary({
  label,
  counts,
  tone,
}: {
  label: string;
  counts: Record<string, number>;
  tone: (s: string) => ReturnType<typeof syncTone>;
}) {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return null;
  return (
    <div className="summary" aria-label={`${label} summary`}>
      <span className="muted small">{label}</span>
      {entries.map(([k, n]) => (
        <span key={k} className={`chip tone-${tone(k)}`} title={k}>
          {k} {n}
        </span>
      ))}
    </div>
  );
}

function Select({
  testId,
  label,
  all,
  value,
  options,
  onChange,
}: {
  testId: string;
  label: string;
  all: string;
  value: string;
  options: string[];
  onChange: (v: string) => void;
}) {
  return (
    <select data-testid={testId} aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{all}</option>
      {options.map((o) => (
        <option key={o} value={o}>
          {o}
        </option>
      ))}
    </select>
  );
}

/** Up to this many applications every tile/row is in the DOM; above it the list is windowed. */
const RENDER_ALL_UP_TO = 300;

const TILE_W = 300;
const TILE_H = 128;
const GAP = 12;

function Tiles({ apps }: { apps: readonly AppSummary[] }) {
  const [probe, size] = useSize<HTMLDivElement>();
  const cols = Math.max(1, Math.floor((size.width + GAP) / (TILE_W + GAP)));
  const rows = Math.ceil(apps.length / cols);
  return (
    <div className="list-area" ref={probe}>
      <VirtualRows
        className="tiles"
        rowCount={rows}
        renderAllUpTo={Math.ceil(RENDER_ALL_UP_TO / cols)}
        rowHeight={TILE_H + GAP}
        renderRow={(r) => (
          <div className="tile-row" style={{ gridTemplateColumns: `repeat(${cols}, minmax(0, 1fr))` }}>
            {apps.slice(r * cols, r * cols + cols).map((a) => (
              <Tile key={a.key} app={a} />
            ))}
          </div>
        )}
      />
    </div>
  );
}

const Tile = memo(function Tile({ app }: { app: AppSummary }) {
  return (
    <div
      className={`tile tone-border-${healthTone(app.health)}`}
      data-testid="app-tile"
      data-app-name={app.name}
      data-app-namespace={app.namespace}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest("a")) return;
        navigate(appPath(app));
      }}
    >
      <div className="tile-head">
        <Link to={appPath(app)} className="tile-name" title={`${app.namespace}/${app.name}`}>
          {app.name}
        </Link>
        <span className="muted small">{app.project}</span>
      </div>
      <div className="tile-status">
        <Status testId="app-health-status" tone={healthTone(app.health)} text={app.health} />
        <Status testId="app-sync-status" tone={syncTone(app.sync)} text={app.sync} />
        {app.autoSync && <span className="chip small">auto</span>}
      </div>
      <dl className="tile-facts">
        <dt>Repo</dt>
        <dd title={app.repoURL}>{app.repoURL}</dd>
        <dt>Path</dt>
        <dd>
          {app.path} <span className="muted">@ {app.targetRevision}</span> {shortRevision(app.revision) && <code>{shortRevision(app.revision)}</code>}
        </dd>
        <dt>Dest</dt>
        <dd title={app.destination}>
          {app.destNamespace || "—"} <span className="muted">in {app.namespace}</span>
        </dd>
      </dl>
    </div>
  );
});

const ROW_H = 34;

function Table({ apps }: { apps: readonly AppSummary[] }) {
  return (
    <div className="list-area">
      <VirtualRows
        className="table"
        rowCount={apps.length}
        renderAllUpTo={RENDER_ALL_UP_TO}
        rowHeight={ROW_H}
        header={
          <div className="trow thead">
            <span>Name</span>
            <span>Namespace</span>
            <span>Project</span>
            <span>Sync</span>
            <span>Health</span>
            <span>Revision</span>
            <span>Repository</span>
            <span>Destination</span>
          </div>
        }
        renderRow={(i) => <Row app={apps[i]} />}
      />
    </div>
  );
}

const Row = memo(function Row({ app }: { app: AppSummary }) {
  return (
    <div
      className="trow"
      data-testid="app-row"
      data-app-name={app.name}
      data-app-namespace={app.namespace}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest("a")) return;
        navigate(appPath(app));
      }}
    >
      <span>
        <Link to={appPath(app)}>{app.name}</Link>
      </span>
      <span>{app.namespace}</span>
      <span>{app.project}</span>
      <span>
        <Status testId="app-sync-status" tone={syncTone(app.sync)} text={app.sync} />
      </span>
      <span>
        <Status testId="app-health-status" tone={healthTone(app.health)} text={app.health} />
      </span>
      <span>
        <code>{shortRevision(app.revision)}</code>
      </span>
      <span className="ellipsis" title={app.repoURL}>
        {app.repoURL} {app.path}
      </span>
      <span className="ellipsis">{app.destNamespace}</span>
    </div>
  );
});
