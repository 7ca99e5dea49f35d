import { describe, expect, it } from "vitest";
import { healthTone, shortRevision, syncTone } from "./status";
import { toYaml } from "./yaml";
import { matchRoute } from "../router";

describe("status words, revisions, manifests and routes", () => {
  it("colours Argo CD's words", () => {
    expect(syncTone("Synced")).toBe("ok");
    expect(syncTone("OutOfSync")).toBe("warn");
    expect(healthTone("Degraded")).toBe("bad");
    expect(healthTone("Progressing")).toBe("info");
    expect(healthTone(undefined)).toBe("muted");
  });

  it("shortens commits, including Flux's branch@sha1: form", () => {
    const sha = "0123456789abcdef0123456789abcdef01234567";
    expect(shortRevision(sha)).toBe("0123456");
    expect(shortRevision(`main@sha1:${sha}`)).toBe("main@0123456");
    expect(shortRevision("v1.2.0")).toBe("v1.2.0");
    expect(shortRevision(undefined)).toBe("");
  });

  it("prints JSON-string states as YAML without managedFields", () => {
    const y = toYaml(JSON.stringify({ kind: "ConfigMap", metadata: { name: "x", managedFields: [{}] }, data: { a: "1" } }));
    expect(y).toBe("kind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: \"1\"\n");
    expect(toYaml("null")).toBe("");
  });

  it("matches the contract's routes", () => {
    expect(matchRoute("/")).toEqual({ page: "root" });
    expect(matchRoute("/applications")).toEqual({ page: "applications" });
    expect(matchRoute("/applications/argocd/guestbook")).toEqual({ page: "application", namespace: "argocd", name: "guestbook" });
    expect(matchRoute("/kustomizations/flux-system/apps")).toEqual({ page: "kustomization", namespace: "flux-system", name: "apps" });
    expect(matchRoute("/gitrepositories")).toEqual({ page: "gitrepositories" });
    expect(matchRoute("/login?next=%2Fkustomizations")).toEqual({ page: "login", next: "/kustomizations" });
    expect(matchRoute("/login?next=https://evil.example")).toEqual({ page: "login", next: "/applications" });
    expect(matchRoute("/login?next=//evil.example")).toEqual({ page: "login", next: "/applications" });
    expect(matchRoute("/applications/x").page).toBe("notfound");
  });
});
