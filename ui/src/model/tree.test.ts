import { describe, expect, it } from "vitest";
import type { TreeNode } from "../api/types";
import { buildTree, parseInventoryId } from "./tree";

const dep: TreeNode = { group: "apps", version: "v1", kind: "Deployment", namespace: "web", name: "web", uid: "d1" };
const svc: TreeNode = { version: "v1", kind: "Service", namespace: "web", name: "web", uid: "s1" };
const rs: TreeNode = {
  group: "apps", version: "v1", kind: "ReplicaSet", namespace: "web", name: "web-abc", uid: "r1",
  parentRefs: [{ group: "apps", kind: "Deployment", namespace: "web", name: "web", uid: "d1" }],
};
const pod = (n: string, phase: string): TreeNode => ({
  version: "v1", kind: "Pod", namespace: "web", name: n, uid: `p-${n}`,
  parentRefs: [{ group: "apps", kind: "ReplicaSet", namespace: "web", name: "web-abc", uid: "r1" }],
  info: [{ name: "Status Reason", value: phase }],
});

describe("resource tree", () => {
  it("puts owned objects under their owners, down to Pods", () => {
    const rows = buildTree([pod("web-abc-2", "Pending"), rs, dep, svc, pod("web-abc-1", "Running")], [
      { group: "apps", kind: "Deployment", namespace: "web", name: "web", status: "Synced", health: { status: "Healthy" } },
      { kind: "Service", namespace: "web", name: "web", status: "OutOfSync", health: { status: "Healthy" } },
    ]);
    expect(rows.map((r) => `${"  ".repeat(r.depth)}${r.node.kind}/${r.node.name}`)).toEqual([
      "Service/web",
      "Deployment/web",
      "  ReplicaSet/web-abc",
      "    Pod/web-abc-1",
      "    Pod/web-abc-2",
    ]);
    expect(rows[0].sync).toBe("OutOfSync");
    expect(rows[1].health).toBe("Healthy");
    expect(rows[3].health).toBe("Healthy");
    expect(rows[4].health).toBe("Progressing");
    expect(rows[4].last).toBe(true);
  });

  it("keeps nodes whose owner is not in the tree at the top, and survives cycles", () => {
    const orphan: TreeNode = { ...rs, parentRefs: [{ kind: "Deployment", name: "gone", uid: "x" }] };
    const a: TreeNode = { kind: "A", name: "a", uid: "a", parentRefs: [{ kind: "B", name: "b", uid: "b" }] };
    const b: TreeNode = { kind: "B", name: "b", uid: "b", parentRefs: [{ kind: "A", name: "a", uid: "a" }] };
    expect(buildTree([orphan]).map((r) => r.depth)).toEqual([0]);
    expect(buildTree([a, b]).length).toBeLessThanOrEqual(2);
  });

  it("reads Flux inventory ids", () => {
    expect(parseInventoryId("web_web_apps_Deployment")).toEqual({ namespace: "web", name: "web", group: "apps", kind: "Deployment" });
    expect(parseInventoryId("_web__Namespace")).toEqual({ namespace: "", name: "web", group: "", kind: "Namespace" });
    expect(parseInventoryId("nonsense")).toBeUndefined();
  });
});
