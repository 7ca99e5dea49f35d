// Talking to the Capstan API: same origin, the session in the HttpOnly cookie that login sets.
// Failures that mean "the API is not working" (unreachable, 5xx) go to the error banner, keyed
// by what was being done, and clear when that succeeds again. A 401 sends the user to /login.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: number,
  ) {
    super(message);
  }
}

type Listener = () => void;

const UNREACHABLE = "the Capstan API server cannot be reached";

/** The error banner's messages, one per activity ("loading applications", ...). */
class BannerErrors {
  private errors = new Map<string, string>();
  private listeners = new Set<Listener>();
  private snapshot: readonly [string, string][] = [];

  set(what: string, message: string): void {
    if (this.errors.get(what) === message) return;
    this.errors.set(what, message);
    this.changed();
  }

  clear(what: string): void {
    if (this.errors.delete(what)) this.changed();
  }

  /** Any answer shows the server is reachable again: "cannot be reached" entries go. */
  reachable(): void {
    let changed = false;
    for (const [what, msg] of this.errors) {
      if (msg.endsWith(UNREACHABLE)) {
        this.errors.delete(what);
        changed = true;
      }
    }
    if (changed) this.changed();
  }

  list = (): readonly [string, string][] => this.snapshot;

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  private changed(): void {
    this.snapshot = [...this.errors.entries()];
    this.listeners.forEach((l) => l());
  }
}

export const bannerErrors = new BannerErrors();

let onUnauthenticated: () => void = () => {};

export function setUnauthenticatedHandler(h: () => void): void {
  onUnauthenticated = h;
}

export interface CallOptions {
  /** What the call does, for the banner ("loading applications"). */
  what: string;
  body?: unknown;
  /** Statuses that are expected answers and must not reach the banner (e.g. 404). */
  quiet?: number[];
  signal?: AbortSignal;
}

export async function api<T>(method: string, path: string, opts: CallOptions): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: opts.body === undefined ? {} : { "Content-Type": "application/json" },
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    const msg = `${opts.what} failed: ${UNREACHABLE}`;
    bannerErrors.set(opts.what, msg);
    throw new ApiError(0, msg);
  }
  bannerErrors.reachable();
  const text = await res.text().catch(() => "");
  let json: unknown = undefined;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (res.ok) {
    bannerErrors.clear(opts.what);
    return json as T;
  }
  const body = (json ?? {}) as { message?: string; error?: string; code?: number };
  const message =
    body.message || body.error || text.trim().slice(0, 200) || `HTTP ${res.status}`;
  if (res.status === 401 && !path.startsWith("/api/v1/session")) {
    onUnauthenticated();
  }
  if (res.status >= 500 && !(opts.quiet ?? []).includes(res.status)) {
    bannerErrors.set(opts.what, `${opts.what} failed: ${message} (HTTP ${res.status})`);
  } else {
    bannerErrors.clear(opts.what);
  }
  throw new ApiError(res.status, message, body.code);
}

export const get = <T>(path: string, what: string, quiet?: number[], signal?: AbortSignal) =>
  api<T>("GET", path, { what, quiet, signal });

export const post = <T>(path: string, what: string, body: unknown = {}) =>
  api<T>("POST", path, { what, body });

export function enc(s: string): string {
  return encodeURIComponent(s);
}

/** The server's namespace, announced in index.html (Applications there use short RBAC names). */
export function serverNamespace(): string {
  const m = document.querySelector('meta[name="capstan-namespace"]');
  return m?.getAttribute("content") ?? "";
}
