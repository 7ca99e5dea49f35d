// The resource tree: nodes from the API's resource-tree, arranged under their owners (managed
// resources at the top, then ReplicaSets, Pods...), flattened depth-first for display.

import type { ResourceStatus, TreeNode } from "../api/types";

export interface TreeRow {
  id: string;
  node: TreeNode;
  depth: number;
  /** Whether this is the last child of its parent (for the connector lines). */
  last: boolean;
  health: string;
  sync: string;
}

export function nodeKey(n: {
  group?: string;
  kind: string;
  namespace?: string;
  name: string;
}): string {
  return `${n.group ?? ""}/${n.kind}/${n.namespace ?? ""}/${n.name}`;
}

const KIND_ORDER = [
  "Namespace",
  "CustomResourceDefinition",
  "ServiceAccount",
  "ClusterRole",
  "ClusterRoleBinding",
  "Role",
  "RoleBinding",
  "ConfigMap",
  "Secret",
  "PersistentVolumeClaim",
  "Service",
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "ReplicaSet",
  "Job",
  "CronJob",
  "Pod",
  "Ingress",
];

function kindRank(kind: string): number {
  const i = KIND_ORDER.indexOf(kind);
  return i < 0 ? KIND_ORDER.length : i;
}

function byKindThenName(a: TreeNode, b: TreeNode): number {
  const k = kindRank(a.kind) - kindRank(b.kind);
  if (k !== 0) return k;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export function buildTree(
  nodes: readonly TreeNode[],
  resources: readonly ResourceStatus[] = [],
): TreeRow[] {
  const status = new Map<string, ResourceStatus>();
  for (const r of resources) status.set(nodeKey(r), r);
  const byUid = new Map<string, TreeNode>();
  const byKey = new Map<string, TreeNode>();
  for (const n of nodes) {
    if (n.uid) byUid.set(n.uid, n);
    byKey.set(nodeKey(n), n);
  }
  const children = new Map<TreeNode, TreeNode[]>();
  const roots: TreeNode[] = [];
  for (const n of nodes) {
    let parent: TreeNode | undefined;
    for (const p of n.parentRefs ?? []) {
      parent = (p.uid && byUid.get(p.uid)) || byKey.get(nodeKey(p));
      if (parent && parent !== n) break;
      parent = undefined;
    }
    if (parent) {
      const list = children.get(parent) ?? [];
      list.push(n);
      children.set(parent, list);
    } else {
      roots.push(n);
    }
  }
  const rows: TreeRow[] = [];
  const seen = new Set<TreeNode>();
  const walk = (list: TreeNode[], depth: number) => {
    list.sort(byKindThenName);
    list.forEach((n, i) => {
      if (seen.has(n)) return;
      seen.add(n);
      const s = status.get(nodeKey(n));
      rows.push({
        id: n.uid || nodeKey(n),
        node: n,
        depth,
        last: i === list.length - 1,
        health: n.health?.status || s?.health?.status || podHealth(n) || "",
        sync: s?.status ?? "",
      });
      walk(children.get(n) ?? [], depth + 1);
    });
  };
  walk(roots, 0);
  return rows;
}

/** A Pod's health from its phase (the API's tree gives the phase as info). */
function podHealth(n: TreeNode): string {
  if (n.kind !== "Pod") return "";
  const phase = n.info?.find((i) => i.name === "Status Reason")?.value;
  switch (phase) {
    case "Running":
    case "Succeeded":
      return "Healthy";
    case "Pending":
      return "Progressing";
    case "Failed":
      return "Degraded";
    default:
      return "";
  }
}

/** Flux inventory ids ("<namespace>_<name>_<group>_<kind>") as resource references. */
export function parseInventoryId(
  id: string,
): { namespace: string; name: string; group: string; kind: string } | undefined {
  const parts = id.split("_");
  if (parts.length !== 4) return undefined;
  const [namespace, name, group, kind] = parts;
  return { namespace, name, group, kind };
}
