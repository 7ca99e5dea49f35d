import { describe, expect, it } from "vitest";
import { matchesSelector, parseSelector } from "./labelSelector";

function matches(sel: string, labels: Record<string, string>): boolean {
  const s = parseSelector(sel);
  if (!s.ok) throw new Error(s.error);
  return matchesSelector(s.requirements, labels);
}

describe("label selectors", () => {
  it("evaluates every operator", () => {
    const l = { team: "web", env: "prod", "app.kubernetes.io/part-of": "shop" };
    expect(matches("team=web", l)).toBe(true);
    expect(matches("team==web", l)).toBe(true);
    expect(matches("team=api", l)).toBe(false);
    expect(matches("team!=api", l)).toBe(true);
    expect(matches("missing!=x", l)).toBe(true);
    expect(matches("env in (prod, staging)", l)).toBe(true);
    expect(matches("env notin (prod)", l)).toBe(false);
    expect(matches("missing notin (prod)", l)).toBe(true);
    expect(matches("app.kubernetes.io/part-of", l)).toBe(true);
    expect(matches("!team", l)).toBe(false);
    expect(matches("!other", l)).toBe(true);
    expect(matches("team=web,env in (dev,prod),!other", l)).toBe(true);
    expect(matches("", {})).toBe(true);
  });

  it("reports what it cannot read", () => {
    for (const bad of ["team=", "=web", "a b", "team=we b", "env in prod", "team=web,"]) {
      const s = parseSelector(bad);
      if (bad === "team=") {
        // An empty value is valid in Kubernetes: team has the empty value.
        expect(s.ok).toBe(true);
        continue;
      }
      expect(s.ok, bad).toBe(false);
    }
  });
});
