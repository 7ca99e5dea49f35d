import { useEffect, useRef, useState, type ReactNode } from "react";

export function Loading({ what }: { what: string }) {
  return (
    <div className="loading" data-testid="loading" role="status">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <div className="empty" data-testid="empty-state">
      {children}
    </div>
  );
}

export function Problem({ children }: { children: ReactNode }) {
  return (
    <div className="problem" role="alert">
      {children}
    </div>
  );
}

export interface TabDef {
  id: string;
  label: string;
  testId: string;
}

export function Tabs({
  tabs,
  active,
  onSelect,
}: {
  tabs: TabDef[];
  active: string;
  onSelect: (id: string) => void;
}) {
  return (
    <div className="tabs" role="tablist">
      {tabs.map((t) => (
        <button
          key={t.id}
          role="tab"
          type="button"
          aria-selected={t.id === active}
          className={t.id === active ? "tab active" : "tab"}
          data-testid={t.testId}
          onClick={() => onSelect(t.id)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

export function when(iso: string | undefined): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });
}

export function ago(iso: string | undefined, now = Date.now()): string {
  if (!iso) return "";
  const t = new Date(iso).getTime();
  if (Number.isNaN(t)) return iso;
  const s = Math.max(0, Math.round((now - t) / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ago`;
  return `${Math.floor(s / 86400)}d ago`;
}

/** Runs `load` now and every `ms` while mounted (and visible); `deps` restart it. */
export function usePolling(load: (signal: AbortSignal) => Promise<void>, ms: number, deps: unknown[]) {
  const ref = useRef(load);
  ref.current = load;
  useEffect(() => {
    const ctl = new AbortController();
    let timer: number | undefined;
    const tick = async () => {
      if (document.visibilityState !== "hidden") {
        await ref.current(ctl.signal).catch(() => {});
      }
      if (!ctl.signal.aborted) timer = window.setTimeout(tick, ms);
    };
    void tick();
    return () => {
      ctl.abort();
      window.clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}

/** The size of an element, followed with a ResizeObserver. */
export function useSize<T extends HTMLElement>(): [React.RefObject<T | null>, { width: number; height: number }] {
  const ref = useRef<T | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setSize({ width: el.clientWidth, height: el.clientHeight });
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, size];
}
