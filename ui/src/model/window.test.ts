import { describe, expect, it } from "vitest";
import { visibleRange } from "./window";

describe("list windowing", () => {
  it("renders the rows in view plus the overscan, clamped to the list", () => {
    expect(visibleRange(0, 340, 34, 2000, 6)).toEqual([0, 16]);
    expect(visibleRange(34 * 1000, 340, 34, 2000, 6)).toEqual([994, 1016]);
    expect(visibleRange(34 * 1995, 340, 34, 2000, 6)).toEqual([1989, 2000]);
    expect(visibleRange(-50, 340, 34, 2000, 0)).toEqual([0, 10]);
  });

  it("renders nothing for an empty list and copes with a scroll past the end", () => {
    expect(visibleRange(0, 500, 34, 0, 6)).toEqual([0, 0]);
    expect(visibleRange(1e9, 500, 34, 10, 6)).toEqual([10, 10]);
  });
});
