// Which rows of a fixed-height list are rendered: those in view plus `overscan` either side.

/** [first, last) row indexes to render. */
export function visibleRange(
  scrollTop: number,
  viewHeight: number,
  rowHeight: number,
  rowCount: number,
  overscan: number,
): [number, number] {
  if (rowCount <= 0 || rowHeight <= 0) return [0, 0];
  const top = Math.max(0, scrollTop);
  const first = Math.min(rowCount, Math.max(0, Math.floor(top / rowHeight) - overscan));
  const last = Math.min(rowCount, Math.ceil((top + Math.max(0, viewHeight)) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}
