import { memo } from "react";
import type { TreeNode } from "../api/types";
import { healthTone, syncTone } from "../model/status";
import type { TreeRow } from "../model/tree";
import { StatusIcon } from "./Status";

const KIND_ABBR: Record<string, string> = {
  Deployment: "deploy",
  ReplicaSet: "rs",
  Pod: "pod",
  Service: "svc",
  ConfigMap: "cm",
  Secret: "secret",
  StatefulSet: "sts",
  DaemonSet: "ds",
  Ingress: "ing",
  Job: "job",
  CronJob: "cj",
  ServiceAccount: "sa",
  Namespace: "ns",
  PersistentVolumeClaim: "pvc",
  ControllerRevision: "rev",
};

/** The resource tree as an indented outline: owners above what they own, down to Pods. */
export function ResourceTreeView({
  rows,
  rootLabel,
  selected,
  onSelect,
}: {
  rows: TreeRow[];
  rootLabel: string;
  selected?: string;
  onSelect?: (row: TreeRow) => void;
}) {
  return (
    <div className="tree" data-testid="resource-tree">
      <div className="tree-root">
        <span className="kind-badge root">app</span> {rootLabel}
      </div>
      {rows.map((r) => (
        <Node key={r.id} row={r} selected={selected === r.id} onSelect={onSelect} />
      ))}
    </div>
  );
}

const Node = memo(function Node({
  row,
  selected,
  onSelect,
}: {
  row: TreeRow;
  selected: boolean;
  onSelect?: (row: TreeRow) => void;
}) {
  const n: TreeNode = row.node;
  const info = n.info?.map((i) => i.value).join(", ");
  return (
    <div
      className={`tree-node${selected ? " selected" : ""}`}
      data-testid="tree-node"
      data-kind={n.kind}
      data-name={n.name}
      data-namespace={n.namespace ?? ""}
      data-health={row.health}
      data-sync={row.sync}
      style={{ paddingLeft: 12 + row.depth * 22 }}
      role="button"
      tabIndex={0}
      onClick={() => onSelect?.(row)}
      onKeyDown={(e) => (e.key === "Enter" || e.key === " ") && onSelect?.(row)}
    >
      <span className="tree-guide" aria-hidden="true">
        {row.depth > 0 ? (row.last ? "└" : "├") : ""}
      </span>
      <span className="kind-badge" title={n.group ? `${n.group}/${n.kind}` : n.kind}>
        {KIND_ABBR[n.kind] ?? n.kind.toLowerCase()}
      </span>
      <span className="node-name">{n.name}</span>
      {n.namespace && <span className="muted small">{n.namespace}</span>}
      <span className="spacer" />
      {info && <span className="muted small">{info}</span>}
      {row.health && (
        <span className="node-status" title={`Health: ${row.health}`}>
          <StatusIcon tone={healthTone(row.health)} /> {row.health}
        </span>
      )}
      {row.sync && (
        <span className="node-status" title={`Sync: ${row.sync}`}>
          <StatusIcon tone={syncTone(row.sync)} /> {row.sync}
        </span>
      )}
    </div>
  );
});
