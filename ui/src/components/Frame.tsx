import { useSyncExternalStore, type ReactNode } from "react";
import { bannerErrors } from "../api/client";
import { Link } from "../router";

export type Section = "applications" | "kustomizations" | "gitrepositories" | "";

export function ErrorBanner() {
  const errors = useSyncExternalStore(bannerErrors.subscribe, bannerErrors.list);
  if (errors.length === 0) return null;
  return (
    <div className="error-banner" data-testid="error-banner" role="alert">
      {errors.map(([what, msg]) => (
        <div key={what}>{msg}</div>
      ))}
    </div>
  );
}

export function Frame({
  user,
  section,
  onLogout,
  children,
}: {
  user: string;
  section: Section;
  onLogout: () => void;
  children: ReactNode;
}) {
  const nav = (id: Section, label: string, testId: string) => (
    <Link to={`/${id}`} data-testid={testId} className={section === id ? "nav active" : "nav"}>
      {label}
    </Link>
  );
  return (
    <div className="frame">
      <header className="topbar">
        <Link to="/applications" className="brand" aria-label="Capstan home">
          <img src="/favicon.svg" alt="" width="20" height="20" /> Capstan
        </Link>
        <nav>
          {nav("applications", "Applications", "nav-applications")}
          {nav("kustomizations", "Kustomizations", "nav-kustomizations")}
          {nav("gitrepositories", "Git repositories", "nav-gitrepositories")}
        </nav>
        <div className="spacer" />
        <span className="user" title="Logged in as">
          <span data-testid="current-user">{user}</span>
        </span>
        <button type="button" className="btn small" data-testid="logout" onClick={onLogout}>
          Log out
        </button>
      </header>
      <ErrorBanner />
      <main className="content">{children}</main>
    </div>
  );
}
