import { useMemo } from "react";
import { sideBySide } from "../model/diff";

/** Desired (left) against live (right), line by line; changed lines are marked. */
export function DiffTable({ desired, live, testId }: { desired: string; live: string; testId?: string }) {
  const rows = useMemo(() => sideBySide(desired, live), [desired, live]);
  return (
    <div className="diff" data-testid={testId}>
      <div className="diff-head">
        <span>Desired</span>
        <span>Live</span>
      </div>
      {rows.map((r, i) => (
        <div key={i} className={r.changed ? "diff-line changed" : "diff-line"} data-testid={r.changed ? "diff-line-changed" : undefined}>
          <span className="ln">{r.left?.no ?? ""}</span>
          <span className={r.changed && r.left ? "code del" : "code"}>{r.left?.text ?? ""}</span>
          <span className="ln">{r.right?.no ?? ""}</span>
          <span className={r.changed && r.right ? "code add" : "code"}>{r.right?.text ?? ""}</span>
        </div>
      ))}
    </div>
  );
}
