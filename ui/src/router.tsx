// History routing without a library: the path is external state, <Link> pushes to history.

import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from "react";

const listeners = new Set<() => void>();

function subscribe(l: () => void): () => void {
  listeners.add(l);
  window.addEventListener("popstate", l);
  return () => {
    listeners.delete(l);
    window.removeEventListener("popstate", l);
  };
}

const current = () => window.location.pathname + window.location.search;

export function useLocation(): string {
  return useSyncExternalStore(subscribe, current);
}

export function navigate(to: string, replace = false): void {
  if (to === current()) return;
  if (replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  listeners.forEach((l) => l());
}

export function Link(
  props: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string },
) {
  const { to, onClick, ...rest } = props;
  const click = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={click} {...rest} />;
}

export type Route =
  | { page: "login"; next: string }
  | { page: "applications" }
  | { page: "application"; namespace: string; name: string }
  | { page: "kustomizations" }
  | { page: "kustomization"; namespace: string; name: string }
  | { page: "gitrepositories" }
  | { page: "gitrepository"; namespace: string; name: string }
  | { page: "root" }
  | { page: "notfound"; path: string };

export function matchRoute(location: string): Route {
  const [path, query = ""] = location.split("?", 2);
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  if (parts.length === 0) return { page: "root" };
  const [top, ns, name] = parts;
  if (top === "login" && parts.length === 1) {
    const next = new URLSearchParams(query).get("next") ?? "/applications";
    return { page: "login", next: next.startsWith("/") && !next.startsWith("//") ? next : "/applications" };
  }
  const detail = parts.length === 3;
  const list = parts.length === 1;
  switch (top) {
    case "applications":
      if (list) return { page: "applications" };
      if (detail) return { page: "application", namespace: ns, name };
      break;
    case "kustomizations":
      if (list) return { page: "kustomizations" };
      if (detail) return { page: "kustomization", namespace: ns, name };
      break;
    case "gitrepositories":
      if (list) return { page: "gitrepositories" };
      if (detail) return { page: "gitrepository", namespace: ns, name };
      break;
  }
  return { page: "notfound", path };
}
