import { useState, type ReactNode, type UIEvent } from "react";
import { visibleRange } from "../model/window";
import { useSize } from "./common";

/**
 * A scroll container that renders only the rows in view (plus a few either side), so lists of
 * thousands cost as much as one screenful. Rows have a fixed height.
 */
export function VirtualRows({
  rowCount,
  rowHeight,
  renderRow,
  header,
  className,
  testId,
  overscan = 6,
  renderAllUpTo = 0,
  onWidth,
}: {
  rowCount: number;
  rowHeight: number;
  renderRow: (index: number) => ReactNode;
  header?: ReactNode;
  className?: string;
  testId?: string;
  overscan?: number;
  /** Lists of at most this many rows are rendered whole (every row in the DOM, findable). */
  renderAllUpTo?: number;
  onWidth?: (width: number) => ReactNode;
}) {
  const [ref, size] = useSize<HTMLDivElement>();
  const [scrollTop, setScrollTop] = useState(0);
  const [first, last] =
    rowCount <= renderAllUpTo
      ? [0, rowCount]
      : visibleRange(scrollTop, size.height || 800, rowHeight, rowCount, overscan);
  const rows: ReactNode[] = [];
  for (let i = first; i < last; i++) {
    rows.push(
      <div key={i} className="vrow" style={{ top: i * rowHeight, height: rowHeight }}>
        {renderRow(i)}
      </div>,
    );
  }
  return (
    <div
      ref={ref}
      className={`vscroll ${className ?? ""}`}
      data-testid={testId}
      onScroll={(e: UIEvent<HTMLDivElement>) => setScrollTop(e.currentTarget.scrollTop)}
    >
      {header}
      {onWidth?.(size.width)}
      <div className="vbody" style={{ height: rowCount * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
