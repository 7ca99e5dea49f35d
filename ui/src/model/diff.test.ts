import { describe, expect, it } from "vitest";
import { changedCount, sideBySide } from "./diff";

describe("side-by-side diff", () => {
  it("pairs a changed line and keeps the rest aligned", () => {
    const desired = "a: 1\nb: 2\nc: 3\n";
    const live = "a: 1\nb: 5\nc: 3\n";
    const rows = sideBySide(desired, live);
    expect(rows).toHaveLength(3);
    expect(rows.map((r) => r.changed)).toEqual([false, true, false]);
    expect(rows[1].left?.text).toBe("b: 2");
    expect(rows[1].right?.text).toBe("b: 5");
  });

  it("shows added and removed lines on one side only", () => {
    const rows = sideBySide("a\nb\nc", "a\nc\nd");
    expect(rows.filter((r) => r.changed).map((r) => [r.left?.text, r.right?.text])).toEqual([
      ["b", undefined],
      [undefined, "d"],
    ]);
    expect(rows[rows.length - 1].right?.no).toBe(3);
  });

  it("finds nothing in equal texts and everything against empty", () => {
    expect(changedCount(sideBySide("x\ny", "x\ny"))).toBe(0);
    expect(changedCount(sideBySide("x\ny", ""))).toBe(2);
    expect(sideBySide("", "")).toEqual([]);
  });

  it("handles large manifests with a small change quickly", () => {
    const big = Array.from({ length: 5000 }, (_, i) => `line ${i}`);
    const changed = [...big];
    changed[2500] = "line changed";
    const rows = sideBySide(big.join("\n"), changed.join("\n"));
    expect(changedCount(rows)).toBe(1);
    expect(rows).toHaveLength(5000);
  });
});
