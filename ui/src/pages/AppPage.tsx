import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ApiError, bannerErrors, enc, get, post, serverNamespace } from "../api/client";
import type { Application, HistoryEntry, KubeEvent, ListResponse, ManagedResource, TreeNode } from "../api/types";
import { ago, Empty, Loading, Problem, Tabs, when } from "../components/common";
import { Dialog } from "../components/Dialog";
import { DiffTable } from "../components/DiffTable";
import { EventsTable } from "../components/EventsTable";
import { ResourceTreeView } from "../components/ResourceTreeView";
import { Status } from "../components/Status";
import { healthTone, phaseTone, shortRevision, syncTone } from "../model/status";
import { buildTree, nodeKey, type TreeRow } from "../model/tree";
import { toYaml } from "../model/yaml";
import { Link } from "../router";
import { useCanI } from "./useCanI";

const TABS = [
  { id: "tree", label: "Resources", testId: "tab-tree" },
  { id: "diff", label: "Diff", testId: "tab-diff" },
  { id: "events", label: "Events", testId: "tab-events" },
  { id: "history", label: "History", testId: "tab-history" },
];

type Managed = { state: "idle" } | { state: "loading" } | { state: "ready"; items: ManagedResource[] } | { state: "failed"; message: string };

export function AppPage({ namespace, name }: { namespace: string; name: string }) {
  const base = `/api/v1/applications/${enc(name)}`;
  const q = `appNamespace=${enc(namespace)}`;
  const [app, setApp] = useState<Application | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [tab, setTab] = useState("tree");
  const [nodes, setNodes] = useState<TreeNode[] | null>(null);
  const [treeError, setTreeError] = useState("");
  const [managed, setManaged] = useState<Managed>({ state: "idle" });
  const [selected, setSelected] = useState<TreeRow | null>(null);
  const [dialog, setDialog] = useState<"sync" | { rollback: HistoryEntry } | null>(null);
  const [refreshing, setRefreshing] = useState(false);

  // The Application: read once, then followed on the stream (filtered to this one).
  useEffect(() => {
    let closed = false;
    get<Application>(`${base}?${q}`, `loading application ${name}`)
      .then((a) => !closed && setApp(a))
      .catch((e) => !closed && setLoadError(e instanceof ApiError ? e : new ApiError(0, String(e))));
    const what = `live updates of ${name}`;
    const source = new EventSource(`/api/v1/stream/applications?name=${enc(name)}&${q}`, { withCredentials: true });
    source.onopen = () => bannerErrors.clear(what);
    source.onmessage = (m) => {
      try {
        const ev = JSON.parse(m.data);
        const a = ev.result?.application as Application | undefined;
        if (!a || a.metadata.name !== name || (a.metadata.namespace ?? "") !== namespace) return;
        if (ev.result.type === "DELETED") setLoadError(new ApiError(404, `application ${namespace}/${name} was deleted`));
        else setApp(a);
      } catch {
        // skipped
      }
    };
    source.onerror = () => bannerErrors.set(what, `${what} failed: the connection to the server was lost; reconnecting`);
    return () => {
      closed = true;
      source.close();
      bannerErrors.clear(what);
    };
  }, [base, q, name, namespace]);

  // The tree follows the Application's changes, at most every 3 s.
  const rv = app?.metadata.resourceVersion;
  const lastTree = useRef(0);
  useEffect(() => {
    if (!rv) return;
    let live = true;
    const wait = Math.max(0, lastTree.current + 3000 - Date.now());
    const t = window.setTimeout(() => {
      lastTree.current = Date.now();
      get<{ nodes: TreeNode[] | null }>(`${base}/resource-tree?${q}`, `loading the resource tree of ${name}`)
        .then((r) => {
          if (!live) return;
          setNodes(r.nodes ?? []);
          setTreeError("");
        })
        .catch((e) => live && setTreeError(e instanceof Error ? e.message : String(e)));
    }, wait);
    return () => {
      live = false;
      window.clearTimeout(t);
    };
  }, [rv, base, q, name]);

  const loadManaged = useCallback(() => {
    setManaged({ state: "loading" });
    get<ListResponse<ManagedResource>>(`${base}/managed-resources?${q}`, `comparing ${name} with Git`)
      .then((r) => setManaged({ state: "ready", items: r.items ?? [] }))
      .catch((e) => setManaged({ state: "failed", message: e instanceof Error ? e.message : String(e) }));
  }, [base, q, name]);

  useEffect(() => {
    if ((tab === "diff" || selected) && managed.state === "idle") loadManaged();
  }, [tab, selected, managed.state, loadManaged]);

  const project = app?.spec?.project || "default";
  const serverNs = serverNamespace();
  const rbacObjects = useMemo(() => {
    if (!app) return [];
    if (serverNs) return [serverNs === namespace ? `${project}/${name}` : `${project}/${namespace}/${name}`];
    return [`${project}/${name}`, `${project}/${namespace}/${name}`];
  }, [app === null, project, serverNs, namespace, name]);
  const canSync = useCanI("applications", "sync", rbacObjects);

  const rows = useMemo(() => buildTree(nodes ?? [], app?.status?.resources ?? []), [nodes, app?.status?.resources]);

  if (loadError) {
    return (
      <div className="page">
        <Crumbs name={name} />
        <Problem>
          {loadError.status === 404 || loadError.status === 403
            ? `Application ${namespace}/${name} was not found, or you may not see it (${loadError.message}).`
            : `Application ${namespace}/${name} could not be loaded: ${loadError.message}`}
        </Problem>
      </div>
    );
  }
  if (!app) return <Loading what={`application ${name}`} />;

  const st = app.status ?? {};
  const sync = st.sync?.status || "Unknown";
  const health = st.health?.status || "Unknown";
  const op = st.operationState;
  const auto = app.spec?.syncPolicy?.automated != null;
  const src = app.spec?.source ?? app.spec?.sources?.[0];

  const refresh = async () => {
    setRefreshing(true);
    try {
      setApp(await get<Application>(`${base}?${q}&refresh=normal`, `refreshing ${name}`));
      setManaged({ state: "idle" });
    } catch {
      // the banner or the page shows it
    } finally {
      setRefreshing(false);
    }
  };

  return (
    <div className="page app-page">
      <Crumbs name={name} />
      <div className="app-header">
        <div>
          <h1 data-testid="app-title">{name}</h1>
          <div className="muted small">
            {namespace} · project {project}
            {src?.repoURL && (
              <>
                {" "}· {src.repoURL} {src.path} @ {src.targetRevision || "HEAD"}
              </>
            )}
            {auto && " · automated sync"}
          </div>
        </div>
        <div className="spacer" />
        <div className="actions">
          <button type="button" className="btn" data-testid="refresh-button" onClick={refresh} disabled={refreshing}>
            {refreshing ? "Refreshing…" : "Refresh"}
          </button>
          {canSync && (
            <button type="button" className="btn primary" data-testid="sync-button" onClick={() => setDialog("sync")}>
              Sync
            </button>
          )}
        </div>
      </div>
      <div className="status-cards">
        <div className="card">
          <div className="card-label">Sync</div>
          <Status testId="app-sync-status" tone={syncTone(sync)} text={sync} />
          <div className="small">
            to <code data-testid="app-revision">{shortRevision(st.sync?.revision)}</code>
          </div>
        </div>
        <div className="card">
          <div className="card-label">Health</div>
          <Status testId="app-health-status" tone={healthTone(health)} text={health} />
          {st.health?.message && <div className="small muted">{st.health.message}</div>}
        </div>
        <div className="card wide">
          <div className="card-label">Last operation</div>
          {op ? (
            <>
              <Status testId="operation-status" tone={phaseTone(op.phase)} text={op.phase ?? "Unknown"} />
              <div className="small muted" title={when(op.finishedAt ?? op.startedAt)}>
                {ago(op.finishedAt ?? op.startedAt)} {op.message}
              </div>
            </>
          ) : (
            <span className="muted" data-testid="operation-status"></span>
          )}
        </div>
      </div>
      {(st.conditions ?? []).map((c, i) => (
        <Problem key={i}>
          {c.type}: {c.message}
        </Problem>
      ))}
      <Tabs
        tabs={TABS}
        active={tab}
        onSelect={(t) => {
          setTab(t);
          setSelected(null);
        }}
      />
      <div className="tab-body">
        {tab === "tree" &&
          (nodes === null ? (
            treeError ? <Problem>The resource tree could not be loaded: {treeError}</Problem> : <Loading what="resource tree" />
          ) : rows.length === 0 ? (
            <Empty>This application manages no resources yet.</Empty>
          ) : (
            <div className={selected ? "split" : undefined}>
              <ResourceTreeView rows={rows} rootLabel={name} selected={selected?.id} onSelect={setSelected} />
              {selected && (
                <ResourcePanel row={selected} managed={managed} onClose={() => setSelected(null)} reload={loadManaged} />
              )}
            </div>
          ))}
        {tab === "diff" && <DiffTab managed={managed} reload={loadManaged} />}
        {tab === "events" && <AppEvents url={`${base}/events?${q}`} name={name} />}
        {tab === "history" && (
          <History
            app={app}
            canSync={canSync === true}
            auto={auto}
            onRollback={(h) => setDialog({ rollback: h })}
            metadataUrl={(rev) => `${base}/revisions/${enc(rev)}/metadata?${q}`}
          />
        )}
      </div>
      {dialog === "sync" && (
        <SyncDialog
          onClose={() => setDialog(null)}
          submit={(body) => post(`${base}/sync?${q}`, `syncing ${name}`, body)}
        />
      )}
      {dialog && dialog !== "sync" && (
        <RollbackDialog
          entry={dialog.rollback}
          onClose={() => setDialog(null)}
          submit={(prune) => post(`${base}/rollback?${q}`, `rolling back ${name}`, { id: dialog.rollback.id, prune })}
        />
      )}
    </div>
  );
}

function Crumbs({ name }: { name: string }) {
  return (
    <div className="crumbs">
      <Link to="/applications">Applications</Link> / <span>{name}</span>
    </div>
  );
}

function desiredOf(m: ManagedResource): string {
  return m.predictedLiveState && m.predictedLiveState !== "null" ? m.predictedLiveState : m.targetState ?? "";
}

function liveOf(m: ManagedResource): string {
  return m.normalizedLiveState && m.normalizedLiveState !== "null" ? m.normalizedLiveState : m.liveState ?? "";
}

function differs(m: ManagedResource): boolean {
  return m.modified === true || m.status === "OutOfSync" || toYaml(desiredOf(m)) !== toYaml(liveOf(m));
}

function DiffTab({ managed, reload }: { managed: Managed; reload: () => void }) {
  if (managed.state === "idle" || managed.state === "loading") return <Loading what="desired and live state (rendered from Git)" />;
  if (managed.state === "failed") {
    return (
      <Problem>
        The desired state could not be rendered: {managed.message}{" "}
        <button type="button" className="btn small" onClick={reload}>
          Retry
        </button>
      </Problem>
    );
  }
  const items = managed.items.filter(differs);
  return (
    <div data-testid="diff-view">
      <div className="tab-tools">
        <span className="muted">
          {items.length} of {managed.items.length} resources differ
        </span>
        <button type="button" className="btn small" onClick={reload}>
          Compare again
        </button>
      </div>
      {items.length === 0 ? (
        <div className="empty" data-testid="diff-none">
          Live state matches Git: nothing differs.
        </div>
      ) : (
        items.map((m) => (
          <div key={nodeKey(m)} className="diff-item" data-testid="diff-item" data-kind={m.kind} data-name={m.name}>
            <h3>
              {m.kind} {m.namespace ? `${m.namespace}/` : ""}
              {m.name} {m.status && <Status tone={syncTone(m.status)} text={m.status} />}
            </h3>
            <DiffTable desired={toYaml(desiredOf(m))} live={toYaml(liveOf(m))} />
          </div>
        ))
      )}
    </div>
  );
}

function ResourcePanel({ row, managed, onClose, reload }: { row: TreeRow; managed: Managed; onClose: () => void; reload: () => void }) {
  const [view, setView] = useState("live");
  const n = row.node;
  useEffect(() => {
    const key = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", key);
    return () => window.removeEventListener("keydown", key);
  }, [onClose]);
  const m = managed.state === "ready" ? managed.items.find((x) => nodeKey(x) === nodeKey(n)) : undefined;
  const live = m ? toYaml(m.liveState ?? "") : "";
  const desired = m ? toYaml(desiredOf(m)) : "";
  const loadingOrFailed =
    managed.state === "loading" || managed.state === "idle" ? (
      <Loading what="manifests" />
    ) : managed.state === "failed" ? (
      <Problem>
        The desired state could not be rendered: {managed.message}{" "}
        <button type="button" className="btn small" onClick={reload}>
          Retry
        </button>
      </Problem>
    ) : null;
  // Objects the application does not manage itself (ReplicaSets, Pods...) have no desired state;
  // their live view is what the resource tree knows of them.
  const nodeYaml = toYaml({
    apiVersion: n.group ? `${n.group}/${n.version}` : n.version,
    kind: n.kind,
    metadata: { name: n.name, namespace: n.namespace, uid: n.uid, resourceVersion: n.resourceVersion, creationTimestamp: n.createdAt },
    ...(n.info?.length ? { info: Object.fromEntries(n.info.map((i) => [i.name, i.value])) } : {}),
  });
  const managedHere = row.sync !== "";
  const liveText = m
    ? live || "# the object does not exist in the cluster"
    : `# ${managedHere ? "Capstan could not read this object's live state" : "owned by another resource: only its tree metadata is shown"}\n${nodeYaml}`;
  const desiredText = m
    ? desired || "# Git has no such object (it would be pruned)"
    : managedHere
      ? "# the comparison with Git has no entry for this object"
      : "# not managed by the application directly (it is created by its owner), so there is no desired manifest";
  return (
    <aside className="panel" data-testid="resource-panel" aria-label={`${n.kind} ${n.name}`}>
      <div className="panel-head">
        <div>
          <div className="muted small">{n.group ? `${n.group}/${n.version}` : n.version} {n.kind}</div>
          <h2>{n.name}</h2>
          <div className="small muted">{n.namespace}</div>
        </div>
        <div className="spacer" />
        <button type="button" className="btn small" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </div>
      <div className="panel-status">
        {row.health && <Status tone={healthTone(row.health)} text={row.health} />}
        {row.sync && <Status tone={syncTone(row.sync)} text={row.sync} />}
        {n.health?.message && <span className="small muted">{n.health.message}</span>}
      </div>
      <Tabs
        tabs={[
          { id: "live", label: "Live manifest", testId: "resource-tab-live" },
          { id: "desired", label: "Desired manifest", testId: "resource-tab-desired" },
          { id: "diff", label: "Diff", testId: "resource-tab-diff" },
        ]}
        active={view}
        onSelect={setView}
      />
      <div className="panel-body">
        {m === undefined && loadingOrFailed}
        {view === "live" ? (
          <pre className="yaml" data-testid="resource-live">
            {liveText}
          </pre>
        ) : view === "desired" ? (
          <pre className="yaml" data-testid="resource-desired">
            {desiredText}
          </pre>
        ) : (
          <DiffTable testId="resource-diff" desired={m ? desired : ""} live={m ? toYaml(liveOf(m)) : ""} />
        )}
      </div>
    </aside>
  );
}

function AppEvents({ url, name }: { url: string; name: string }) {
  const [events, setEvents] = useState<KubeEvent[] | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    let live = true;
    const load = () =>
      get<ListResponse<KubeEvent>>(url, `loading events of ${name}`)
        .then((r) => live && (setEvents(r.items ?? []), setError("")))
        .catch((e) => live && setError(e instanceof Error ? e.message : String(e)));
    load();
    const t = window.setInterval(load, 10000);
    return () => {
      live = false;
      window.clearInterval(t);
    };
  }, [url, name]);
  if (events === null) return error ? <Problem>Events could not be loaded: {error}</Problem> : <Loading what="events" />;
  return <EventsTable events={events} />;
}

interface RevisionMetadata {
  author?: string;
  date?: string;
  message?: string;
}

function History({
  app,
  canSync,
  auto,
  onRollback,
  metadataUrl,
}: {
  app: Application;
  canSync: boolean;
  auto: boolean;
  onRollback: (h: HistoryEntry) => void;
  metadataUrl: (rev: string) => string;
}) {
  const history = [...(app.status?.history ?? [])].sort((a, b) => b.id - a.id);
  const [meta, setMeta] = useState<Record<string, RevisionMetadata | null>>({});
  const supported = useRef(true);
  useEffect(() => {
    let live = true;
    (async () => {
      for (const h of history.slice(0, 20)) {
        const rev = h.revision;
        if (!rev || !supported.current || rev in meta) continue;
        try {
          const m = await get<RevisionMetadata>(metadataUrl(rev), "reading commit details");
          if (live) setMeta((old) => ({ ...old, [rev]: m }));
        } catch (e) {
          if (e instanceof ApiError && e.status === 404) supported.current = false;
          if (live) setMeta((old) => ({ ...old, [rev]: null }));
        }
      }
    })();
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [history.length]);
  if (history.length === 0) return <Empty>No deployments yet.</Empty>;
  const newest = history[0]?.id;
  return (
    <div>
      {auto && (
        <div className="note" data-testid="rollback-disabled-reason">
          Rollback is disabled while automated sync is on: the controller would sync back to Git at once. Turn automated sync off to roll
          back.
        </div>
      )}
      <table className="grid">
        <thead>
          <tr>
            <th>ID</th>
            <th>Revision</th>
            <th>Deployed</th>
            <th>Commit</th>
            <th>Initiated by</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {history.map((h) => {
            const m = h.revision ? meta[h.revision] : undefined;
            return (
              <tr key={h.id} data-testid="history-row" data-id={h.id}>
                <td>{h.id}</td>
                <td>
                  <code title={h.revision}>{shortRevision(h.revision)}</code>
                  {h.id === newest && <span className="chip small">latest</span>}
                  <div className="small muted">{h.source?.path}</div>
                </td>
                <td title={when(h.deployedAt)}>{when(h.deployedAt)}</td>
                <td className="wrap">
                  {m?.message ? (
                    <>
                      <div>{m.message.split("\n")[0]}</div>
                      <div className="small muted">{m.author}</div>
                    </>
                  ) : (
                    <span className="muted small">{m === undefined && supported.current ? "…" : "—"}</span>
                  )}
                </td>
                <td>{h.initiatedBy?.automated ? "automated" : h.initiatedBy?.username ?? ""}</td>
                <td>
                  {canSync && !auto && (
                    <button type="button" className="btn small" data-testid="rollback-button" onClick={() => onRollback(h)}>
                      Rollback
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function SyncDialog({ onClose, submit }: { onClose: () => void; submit: (body: object) => Promise<unknown> }) {
  const [prune, setPrune] = useState(false);
  const [dryRun, setDryRun] = useState(false);
  const [revision, setRevision] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const go = async () => {
    setBusy(true);
    setError("");
    try {
      await submit({ prune, dryRun, ...(revision.trim() ? { revision: revision.trim() } : {}) });
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog testId="sync-dialog" title="Synchronize" onClose={onClose}>
      <label className="check">
        <input type="checkbox" data-testid="sync-prune" checked={prune} onChange={(e) => setPrune(e.target.checked)} /> Prune (delete
        resources no longer in Git)
      </label>
      <label className="check">
        <input type="checkbox" data-testid="sync-dry-run" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} /> Dry run
      </label>
      <label>
        Revision <span className="muted small">(optional: branch, tag or commit; default the target revision)</span>
        <input data-testid="sync-revision" value={revision} onChange={(e) => setRevision(e.target.value)} placeholder="HEAD" />
      </label>
      {error && (
        <div className="form-error" data-testid="dialog-error" role="alert">
          {error}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" data-testid="sync-cancel" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn primary" data-testid="sync-submit" onClick={go} disabled={busy}>
          {busy ? "Syncing…" : "Synchronize"}
        </button>
      </div>
    </Dialog>
  );
}

function RollbackDialog({ entry, onClose, submit }: { entry: HistoryEntry; onClose: () => void; submit: (prune: boolean) => Promise<unknown> }) {
  const [prune, setPrune] = useState(false);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const go = async () => {
    setBusy(true);
    setError("");
    try {
      await submit(prune);
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog testId="rollback-dialog" title={`Roll back to deployment ${entry.id}`} onClose={onClose}>
      <p>
        Sync to revision <code>{shortRevision(entry.revision)}</code>
        {entry.source?.path ? ` (${entry.source.path})` : ""}, deployed {when(entry.deployedAt)}.
      </p>
      <label className="check">
        <input type="checkbox" checked={prune} onChange={(e) => setPrune(e.target.checked)} /> Prune
      </label>
      {error && (
        <div className="form-error" data-testid="dialog-error" role="alert">
          {error}
        </div>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" data-testid="rollback-cancel" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="btn primary" data-testid="rollback-submit" onClick={go} disabled={busy}>
          {busy ? "Rolling back…" : "Roll back"}
        </button>
      </div>
    </Dialog>
  );
}
