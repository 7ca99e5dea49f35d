import { useCallback, useEffect, useState } from "react";
import { api, ApiError, get, setUnauthenticatedHandler } from "./api/client";
import type { UserInfo } from "./api/types";
import { Loading } from "./components/common";
import { ErrorBanner, Frame, type Section } from "./components/Frame";
import { AppListPage } from "./pages/AppListPage";
import { AppPage } from "./pages/AppPage";
import { FluxDetailPage, FluxListPage } from "./pages/FluxPages";
import { LoginPage } from "./pages/LoginPage";
import { matchRoute, navigate, useLocation, type Route } from "./router";

type Auth = { state: "checking" } | { state: "in"; user: string } | { state: "out" } | { state: "unreachable" };

function section(r: Route): Section {
  switch (r.page) {
    case "applications":
    case "application":
      return "applications";
    case "kustomizations":
    case "kustomization":
      return "kustomizations";
    case "gitrepositories":
    case "gitrepository":
      return "gitrepositories";
    default:
      return "";
  }
}

export function App() {
  const location = useLocation();
  const route = matchRoute(location);
  const [auth, setAuth] = useState<Auth>({ state: "checking" });

  const toLogin = useCallback(() => {
    setAuth({ state: "out" });
    const here = window.location.pathname + window.location.search;
    if (!here.startsWith("/login")) navigate(`/login?next=${encodeURIComponent(here)}`, true);
  }, []);

  useEffect(() => setUnauthenticatedHandler(toLogin), [toLogin]);

  const checkSession = useCallback(() => {
    get<UserInfo>("/api/v1/session/userinfo", "checking the session")
      .then((u) => {
        if (u?.loggedIn && u.username) setAuth({ state: "in", user: u.username });
        else toLogin();
      })
      .catch((e) => {
        if (e instanceof ApiError && e.status === 401) toLogin();
        else setAuth({ state: "unreachable" });
      });
  }, [toLogin]);

  useEffect(() => {
    if (route.page !== "login" && (auth.state === "checking" || auth.state === "out")) {
      checkSession();
    }
    // Only on entering a page while not known to be logged in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [route.page === "login", auth.state === "in"]);

  useEffect(() => {
    if (route.page === "root") navigate("/applications", true);
  }, [route.page]);

  if (route.page === "login") {
    return (
      <LoginPage
        next={route.next}
        onLoggedIn={(user) => {
          setAuth({ state: "in", user });
          navigate(route.next, true);
        }}
      />
    );
  }

  const logout = () => {
    api("DELETE", "/api/v1/session", { what: "logging out" })
      .catch(() => {})
      .finally(() => {
        setAuth({ state: "out" });
        navigate("/login", true);
      });
  };

  if (auth.state === "unreachable") {
    return (
      <Frame user="" section={section(route)} onLogout={logout}>
        <div className="page">
          <p className="muted">
            The Capstan API server did not answer. This page retries when you{" "}
            <button type="button" className="btn small" onClick={checkSession}>
              try again
            </button>
          </p>
        </div>
      </Frame>
    );
  }
  if (auth.state !== "in") {
    return (
      <div className="frame">
        <ErrorBanner />
        <Loading what="session" />
      </div>
    );
  }
  return (
    <Frame user={auth.user} section={section(route)} onLogout={logout}>
      <Page route={route} />
    </Frame>
  );
}

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case "applications":
      return <AppListPage />;
    case "application":
      return <AppPage key={`${route.namespace}/${route.name}`} namespace={route.namespace} name={route.name} />;
    case "kustomizations":
      return <FluxListPage kind="kustomizations" />;
    case "gitrepositories":
      return <FluxListPage kind="gitrepositories" />;
    case "kustomization":
      return <FluxDetailPage key={`k/${route.namespace}/${route.name}`} kind="kustomizations" namespace={route.namespace} name={route.name} />;
    case "gitrepository":
      return <FluxDetailPage key={`g/${route.namespace}/${route.name}`} kind="gitrepositories" namespace={route.namespace} name={route.name} />;
    case "root":
      return <Loading what="applications" />;
    default:
      return (
        <div className="page">
          <h1>Not found</h1>
          <p>
            There is no page at <code>{route.page === "notfound" ? route.path : ""}</code>.
          </p>
        </div>
      );
  }
}
