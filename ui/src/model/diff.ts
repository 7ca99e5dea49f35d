// A line diff (longest common subsequence) laid out side by side: desired on the left, live on
// the right. Runs of removed and added lines are paired into changed rows.

export interface Side {
  no: number;
  text: string;
}

export interface DiffRow {
  left?: Side;
  right?: Side;
  changed: boolean;
}

type Op = { kind: "same" | "del" | "add"; text: string };

/** Above this many cells the LCS table is not built; lines are then compared by position. */
const MAX_CELLS = 4_000_000;

function lines(text: string): string[] {
  if (text === "") return [];
  const l = text.split("\n");
  if (l[l.length - 1] === "") l.pop();
  return l;
}

function ops(a: string[], b: string[]): Op[] {
  // Common prefix and suffix first: most manifests differ in a few lines.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: Op[] = a.slice(0, start).map((text) => ({ kind: "same", text }));
  const ma = a.slice(start, endA);
  const mb = b.slice(start, endB);
  const n = ma.length;
  const m = mb.length;
  if ((n + 1) * (m + 1) > MAX_CELLS) {
    for (const text of ma) out.push({ kind: "del", text });
    for (const text of mb) out.push({ kind: "add", text });
  } else {
    const w = m + 1;
    const t = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        t[i * w + j] =
          ma[i] === mb[j]
            ? t[(i + 1) * w + j + 1] + 1
            : Math.max(t[(i + 1) * w + j], t[i * w + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (ma[i] === mb[j]) {
        out.push({ kind: "same", text: ma[i] });
        i++;
        j++;
      } else if (t[(i + 1) * w + j] >= t[i * w + j + 1]) {
        out.push({ kind: "del", text: ma[i++] });
      } else {
        out.push({ kind: "add", text: mb[j++] });
      }
    }
    while (i < n) out.push({ kind: "del", text: ma[i++] });
    while (j < m) out.push({ kind: "add", text: mb[j++] });
  }
  for (const text of a.slice(endA)) out.push({ kind: "same", text });
  return out;
}

export function sideBySide(desired: string, live: string): DiffRow[] {
  const rows: DiffRow[] = [];
  let ln = 0;
  let rn = 0;
  const all = ops(lines(desired), lines(live));
  for (let k = 0; k < all.length; ) {
    const op = all[k];
    if (op.kind === "same") {
      rows.push({ left: { no: ++ln, text: op.text }, right: { no: ++rn, text: op.text }, changed: false });
      k++;
      continue;
    }
    const dels: string[] = [];
    const adds: string[] = [];
    while (k < all.length && all[k].kind !== "same") {
      (all[k].kind === "del" ? dels : adds).push(all[k].text);
      k++;
    }
    for (let x = 0; x < Math.max(dels.length, adds.length); x++) {
      rows.push({
        left: x < dels.length ? { no: ++ln, text: dels[x] } : undefined,
        right: x < adds.length ? { no: ++rn, text: adds[x] } : undefined,
        changed: true,
      });
    }
  }
  return rows;
}

export function changedCount(rows: DiffRow[]): number {
  return rows.reduce((n, r) => n + (r.changed ? 1 : 0), 0);
}
