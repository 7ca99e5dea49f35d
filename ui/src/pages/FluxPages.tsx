import { useMemo, useState } from "react";
import { enc, get, post } from "../api/client";
import type { Condition, FluxObject, KubeEvent, ListResponse, TreeNode } from "../api/types";
import { ago, Empty, Loading, Problem, Tabs, usePolling, when } from "../components/common";
import { EventsTable } from "../components/EventsTable";
import { ResourceTreeView } from "../components/ResourceTreeView";
import { Status } from "../components/Status";
import { readyTone, shortRevision } from "../model/status";
import { buildTree } from "../model/tree";
import { Link, navigate } from "../router";
import { useCanI } from "./useCanI";

export type FluxKind = "kustomizations" | "gitrepositories";

const POLL_MS = 5000;

const TITLES: Record<FluxKind, string> = {
  kustomizations: "Kustomizations",
  gitrepositories: "Git repositories",
};

function ready(o: FluxObject): Condition | undefined {
  return o.status?.conditions?.find((c) => c.type === "Ready");
}

function revision(kind: FluxKind, o: FluxObject): string {
  return kind === "kustomizations" ? o.status?.lastAppliedRevision ?? "" : o.status?.artifact?.revision ?? "";
}

function detailPath(kind: FluxKind, o: FluxObject): string {
  return `/${kind}/${enc(o.metadata.namespace ?? "")}/${enc(o.metadata.name)}`;
}

function refOf(o: FluxObject): string {
  const r = o.spec?.ref;
  if (!r) return "master";
  return r.commit ?? r.name ?? (r.semver ? `semver ${r.semver}` : undefined) ?? r.tag ?? r.branch ?? "";
}

export function FluxListPage({ kind }: { kind: FluxKind }) {
  const [items, setItems] = useState<FluxObject[] | null>(null);
  const [error, setError] = useState("");
  const [search, setSearch] = useState("");
  usePolling(
    async (signal) => {
      try {
        const r = await get<ListResponse<FluxObject>>(`/api/v1/${kind}`, `loading ${TITLES[kind].toLowerCase()}`, undefined, signal);
        setItems(r.items ?? []);
        setError("");
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    },
    POLL_MS,
    [kind],
  );
  const shown = useMemo(() => {
    const s = search.trim().toLowerCase();
    return (items ?? []).filter((o) => s === "" || o.metadata.name.toLowerCase().includes(s));
  }, [items, search]);
  const ks = kind === "kustomizations";
  const prefix = ks ? "ks" : "gitrepo";
  return (
    <div className="page">
      <div className="toolbar">
        <h1>{TITLES[kind]}</h1>
        <span className="count">{items ? items.length : ""}</span>
        <div className="spacer" />
        <input type="search" placeholder="Search by name" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      {items === null ? (
        error ? <Problem>{TITLES[kind]} could not be loaded: {error}</Problem> : <Loading what={TITLES[kind].toLowerCase()} />
      ) : (
        <div data-testid={`${prefix}-list`}>
          {shown.length === 0 ? (
            <Empty>{items.length === 0 ? `No ${TITLES[kind].toLowerCase()} yet.` : "Nothing matches the search."}</Empty>
          ) : (
        <table className="grid clickable">
          <thead>
            <tr>
              <th>Name</th>
              <th>Namespace</th>
              <th>Ready</th>
              <th>Revision</th>
              <th>{ks ? "Source" : "URL"}</th>
              <th>{ks ? "Path" : "Ref"}</th>
              <th>Message</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((o) => {
              const r = ready(o);
              return (
                <tr
                  key={`${o.metadata.namespace}/${o.metadata.name}`}
                  data-testid={`${prefix}-row`}
                  data-name={o.metadata.name}
                  data-namespace={o.metadata.namespace}
                  onClick={(e) => !(e.target as HTMLElement).closest("a") && navigate(detailPath(kind, o))}
                >
                  <td>
                    <Link to={detailPath(kind, o)}>{o.metadata.name}</Link>
                    {o.spec?.suspend && <span className="chip small">suspended</span>}
                  </td>
                  <td>{o.metadata.namespace}</td>
                  <td>
                    <Status testId={`${prefix}-ready`} tone={readyTone(r?.status)} text={r?.status ?? "Unknown"} />
                  </td>
                  <td>
                    <code data-testid={`${prefix}-revision`} title={revision(kind, o)}>
                      {shortRevision(revision(kind, o))}
                    </code>
                  </td>
                  <td className="ellipsis">{ks ? `${o.spec?.sourceRef?.kind ?? ""}/${o.spec?.sourceRef?.name ?? ""}` : o.spec?.url}</td>
                  <td>{ks ? o.spec?.path : refOf(o)}</td>
                  <td className="wrap small" title={r?.message}>
                    {r?.message}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
          )}
        </div>
      )}
    </div>
  );
}

export function FluxDetailPage({ kind, namespace, name }: { kind: FluxKind; namespace: string; name: string }) {
  const base = `/api/v1/${kind}/${enc(namespace)}/${enc(name)}`;
  const ks = kind === "kustomizations";
  const prefix = ks ? "ks" : "gitrepo";
  const [obj, setObj] = useState<FluxObject | null>(null);
  const [error, setError] = useState("");
  const [tab, setTab] = useState(ks ? "tree" : "events");
  const [nodes, setNodes] = useState<TreeNode[] | null>(null);
  const [events, setEvents] = useState<KubeEvent[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState("");
  const canReconcile = useCanI(kind, "sync", [`${namespace}/${name}`]);

  usePolling(
    async (signal) => {
      try {
        setObj(await get<FluxObject>(base, `loading ${kind.slice(0, -1)} ${name}`, undefined, signal));
        setError("");
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      }
    },
    POLL_MS,
    [base],
  );
  usePolling(
    async (signal) => {
      if (tab === "tree" && ks) {
        const r = await get<{ nodes: TreeNode[] | null }>(`${base}/resource-tree`, `loading the inventory of ${name}`, undefined, signal);
        setNodes(r.nodes ?? []);
      } else if (tab === "events") {
        const r = await get<ListResponse<KubeEvent>>(`${base}/events`, `loading events of ${name}`, undefined, signal);
        setEvents(r.items ?? []);
      }
    },
    POLL_MS * 2,
    [base, tab],
  );
  const rows = useMemo(() => buildTree(nodes ?? []), [nodes]);

  const crumbs = (
    <div className="crumbs">
      <Link to={`/${kind}`}>{TITLES[kind]}</Link> / <span>{name}</span>
    </div>
  );
  if (!obj) {
    return (
      <div className="page">
        {crumbs}
        {error ? <Problem>{`${namespace}/${name} could not be loaded: ${error}`}</Problem> : <Loading what={name} />}
      </div>
    );
  }
  const r = ready(obj);
  const reconcile = async () => {
    setBusy(true);
    setActionError("");
    try {
      setObj(await post<FluxObject>(`${base}/reconcile`, `requesting a reconcile of ${name}`));
    } catch (e) {
      setActionError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const tabs = ks
    ? [
        { id: "tree", label: "Inventory", testId: "tab-tree" },
        { id: "events", label: "Events", testId: "tab-events" },
        { id: "conditions", label: "Conditions", testId: "tab-conditions" },
      ]
    : [
        { id: "events", label: "Events", testId: "tab-events" },
        { id: "conditions", label: "Conditions", testId: "tab-conditions" },
      ];
  return (
    <div className="page">
      {crumbs}
      <div className="app-header">
        <div>
          <h1 data-testid={`${prefix}-title`}>{name}</h1>
          <div className="muted small">
            {namespace} · {obj.kind ?? (ks ? "Kustomization" : "GitRepository")}
            {obj.spec?.suspend && " · suspended"}
          </div>
        </div>
        <div className="spacer" />
        <div className="actions">
          {canReconcile && (
            <button type="button" className="btn primary" data-testid="reconcile-button" onClick={reconcile} disabled={busy}>
              {busy ? "Requesting…" : "Reconcile"}
            </button>
          )}
        </div>
      </div>
      {actionError && <Problem>{actionError}</Problem>}
      <div className="status-cards">
        <div className="card">
          <div className="card-label">Ready</div>
          <Status testId={`${prefix}-ready`} tone={readyTone(r?.status)} text={r?.status ?? "Unknown"} />
          <div className="small muted">{r?.reason}</div>
        </div>
        <div className="card">
          <div className="card-label">{ks ? "Applied revision" : "Artifact revision"}</div>
          <code data-testid={`${prefix}-revision`} title={revision(kind, obj)}>
            {shortRevision(revision(kind, obj)) || "—"}
          </code>
          <div className="small muted" title={when(r?.lastTransitionTime)}>
            {ago(r?.lastTransitionTime)}
          </div>
        </div>
        <div className="card wide">
          <div className="card-label">{ks ? "Source" : "Repository"}</div>
          {ks ? (
            <div>
              {obj.spec?.sourceRef?.kind === "GitRepository" ? (
                <Link to={`/gitrepositories/${enc(obj.spec.sourceRef.namespace ?? namespace)}/${enc(obj.spec.sourceRef.name ?? "")}`}>
                  GitRepository/{obj.spec.sourceRef.name}
                </Link>
              ) : (
                `${obj.spec?.sourceRef?.kind}/${obj.spec?.sourceRef?.name}`
              )}{" "}
              <span className="muted">path {obj.spec?.path || "./"}</span>
              {obj.spec?.prune && <span className="chip small">prune</span>}
            </div>
          ) : (
            <div>
              {obj.spec?.url} <span className="muted">@ {refOf(obj)}</span>
            </div>
          )}
          <div className="small muted">every {obj.spec?.interval}</div>
        </div>
      </div>
      <div className={`message tone-${readyTone(r?.status)}`} data-testid={`${prefix}-message`}>
        {r?.message ?? ""}
      </div>
      <Tabs tabs={tabs} active={tab} onSelect={setTab} />
      <div className="tab-body">
        {tab === "tree" &&
          (nodes === null ? (
            <Loading what="inventory" />
          ) : rows.length === 0 ? (
            <Empty>The inventory is empty: nothing has been applied yet.</Empty>
          ) : (
            <ResourceTreeView rows={rows} rootLabel={name} />
          ))}
        {tab === "events" && (events === null ? <Loading what="events" /> : <EventsTable events={events} />)}
        {tab === "conditions" && (
          <table className="grid">
            <thead>
              <tr>
                <th>Type</th>
                <th>Status</th>
                <th>Reason</th>
                <th>Message</th>
                <th>Since</th>
              </tr>
            </thead>
            <tbody>
              {(obj.status?.conditions ?? []).map((c) => (
                <tr key={c.type}>
                  <td>{c.type}</td>
                  <td>
                    <Status tone={readyTone(c.status)} text={c.status} />
                  </td>
                  <td>{c.reason}</td>
                  <td className="wrap">{c.message}</td>
                  <td title={when(c.lastTransitionTime)}>{ago(c.lastTransitionTime)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
