// The application list with 2,000 Applications in a real browser (Debian's chromium, headless),
// against a stand-in API that serves the built UI (dist/), 2,000 synthetic Applications and an
// SSE stream of changes. Prints timings; asserts nothing.
//
//   npm run build && node --experimental-websocket scripts/list-bench.mjs [count] [events-per-second]
//
// Node 20 needs --experimental-websocket for the DevTools connection (Node 22+ has WebSocket).
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { readFileSync, existsSync } from "node:fs";
import { join, extname } from "node:path";

const COUNT = Number(process.argv[2] ?? 2000);
const RATE = Number(process.argv[3] ?? 50);
const DIST = new URL("../dist/", import.meta.url).pathname;
const SYNC = ["Synced", "OutOfSync", "Unknown"];
const HEALTH = ["Healthy", "Progressing", "Degraded", "Suspended", "Missing", "Unknown"];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let rv = 1;
function app(i, sync = SYNC[i % 3], health = HEALTH[i % 6]) {
  return {
    metadata: {
      name: `app-${String(i).padStart(4, "0")}`,
      namespace: `team-${i % 12}`,
      resourceVersion: String(rv++),
      labels: { team: `t${i % 5}`, env: i % 2 ? "prod" : "dev" },
    },
    spec: {
      project: `proj-${i % 4}`,
      source: { repoURL: `https://git.example/org/repo-${i % 30}.git`, path: `apps/${i}`, targetRevision: "main" },
      destination: { server: "https://kubernetes.default.svc", namespace: `ns-${i}` },
    },
    status: { sync: { status: sync, revision: "0123456789abcdef0123456789abcdef01234567" }, health: { status: health } },
  };
}
const apps = Array.from({ length: COUNT }, (_, i) => app(i));
const TYPES = { ".js": "text/javascript", ".css": "text/css", ".html": "text/html", ".svg": "image/svg+xml" };
const streams = new Set();

const server = createServer((req, res) => {
  const url = new URL(req.url, "http://x");
  const p = url.pathname;
  const json = (v) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(v));
  };
  if (p === "/api/v1/session/userinfo") return json({ loggedIn: true, username: "bench" });
  if (p === "/api/v1/applications") return json({ metadata: {}, items: apps });
  if (p.startsWith("/api/v1/account/can-i/")) return json({ value: "yes" });
  if (p === "/api/v1/stream/applications") {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    for (const a of apps) res.write(`data: ${JSON.stringify({ result: { type: "ADDED", application: a } })}\n\n`);
    streams.add(res);
    req.on("close", () => streams.delete(res));
    return;
  }
  const file = join(DIST, p === "/" ? "index.html" : p);
  if (p.includes(".") && existsSync(file)) {
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    return res.end(readFileSync(file));
  }
  res.writeHead(200, { "content-type": "text/html" });
  res.end(readFileSync(join(DIST, "index.html")));
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${server.address().port}`;

const port = 9300 + Math.floor(Math.random() * 500);
const chrome = spawn(
  "/usr/bin/chromium",
  ["--headless=new", "--no-sandbox", "--disable-gpu", `--remote-debugging-port=${port}`, "--window-size=1400,900", "about:blank"],
  { stdio: "ignore" },
);
let targets;
for (let i = 0; i < 100 && !targets; i++) {
  try {
    targets = await (await fetch(`http://127.0.0.1:${port}/json`)).json();
  } catch {
    await sleep(100);
  }
}
const ws = new WebSocket(targets.find((t) => t.type === "page").webSocketDebuggerUrl);
await new Promise((r) => (ws.onopen = r));
let id = 0;
const pending = new Map();
ws.onmessage = (m) => {
  const d = JSON.parse(m.data);
  if (d.id && pending.has(d.id)) {
    pending.get(d.id)(d);
    pending.delete(d.id);
  }
};
const send = (method, params = {}) =>
  new Promise((r) => {
    const i = ++id;
    pending.set(i, r);
    ws.send(JSON.stringify({ id: i, method, params }));
  });
const js = async (expression) => {
  const r = await send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true });
  if (r.result?.exceptionDetails) throw new Error(JSON.stringify(r.result.exceptionDetails));
  return r.result?.result?.value;
};
const waitFor = `(sel, n = 1) => new Promise((ok) => { const t0 = performance.now(); const tick = () =>
  document.querySelectorAll(sel).length >= n ? ok(performance.now() - t0) : requestAnimationFrame(tick); tick(); })`;
const painted = `() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)))`;

await send("Page.enable");
await send("Page.navigate", { url: `${base}/applications` });
await sleep(200);
let first;
for (let i = 0; i < 200; i++) {
  first = await js(`(() => { const n = document.querySelectorAll('[data-testid=app-tile]').length;
    return n ? performance.now() : 0; })()`);
  if (first) break;
  await sleep(25);
}
await js(`new Promise((ok) => setTimeout(ok, 1500))`); // the initial ADDED flood settles
const total = await js(`document.querySelector('.count')?.textContent`);
const tilesInDom = await js(`document.querySelectorAll('[data-testid=app-tile]').length`);

// Typing a search: time from the input event to the next painted frame with the filtered list.
const searchMs = await js(`(async () => {
  const e = document.querySelector('[data-testid=filter-search]');
  const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const t0 = performance.now();
  set.call(e, 'app-1'); e.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((ok) => { const tick = () => { const t = document.querySelector('.count')?.textContent ?? '';
    return t.includes(' of ') && !t.startsWith(t.split(' of ')[1] + ' of') ? ok() : requestAnimationFrame(tick); }; tick(); });
  await (${painted})();
  return performance.now() - t0; })()`);
const afterSearch = await js(`document.querySelector('.count')?.textContent`);
await js(`(() => { const e = document.querySelector('[data-testid=filter-search]');
  const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  set.call(e, ''); e.dispatchEvent(new Event('input', { bubbles: true })); })()`);

const selectMs = await js(`(async () => {
  const e = document.querySelector('[data-testid=filter-health]');
  const t0 = performance.now();
  e.value = 'Degraded'; e.dispatchEvent(new Event('change', { bubbles: true }));
  await new Promise((ok) => { const tick = () => { const t = document.querySelector('.count')?.textContent ?? '';
    return t.includes(' of ') && !t.startsWith(t.split(' of ')[1] + ' of') ? ok() : requestAnimationFrame(tick); }; tick(); });
  await (${painted})();
  const ms = performance.now() - t0;
  e.value = ''; e.dispatchEvent(new Event('change', { bubbles: true }));
  return ms; })()`);

// Table view, scrolled to the end.
const tableMs = await js(`(async () => {
  await new Promise((ok) => { const tick = () => (document.querySelector('.count')?.textContent ?? ' of ').includes(' of ')
    ? requestAnimationFrame(tick) : ok(); tick(); });
  const t0 = performance.now();
  document.querySelector('[data-testid=view-table]').click();
  await (${waitFor})('[data-testid=app-row]');
  const list = document.querySelector('[data-testid=app-list] .vscroll');
  // The search box is deferred: wait until the whole list is back in the table.
  await new Promise((ok) => { const tick = () => list.scrollHeight >= ${COUNT} * 34 ? ok() : requestAnimationFrame(tick); tick(); });
  for (let i = 0; i < 5 && list.scrollTop + list.clientHeight < list.scrollHeight - 2; i++) {
    list.scrollTop = list.scrollHeight;
    await new Promise((ok) => requestAnimationFrame(() => ok()));
  }
  await (${painted})(); await (${painted})();
  return performance.now() - t0; })()`);
const lastRow = await js(`[...document.querySelectorAll('[data-testid=app-row]')].pop()?.dataset.appName`);
const rowsInDom = await js(`document.querySelectorAll('[data-testid=app-row]').length`);

// Live updates: RATE events per second for 10 s; long tasks (> 50 ms) on the main thread counted.
await js(`window.__long = []; new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => e.duration)))
  .observe({ type: 'longtask', buffered: false }); true`);
const sseStart = Date.now();
let sent = 0;
while (Date.now() - sseStart < 10_000) {
  const i = Math.floor(Math.random() * COUNT);
  const a = app(i, SYNC[(sent + i) % 3], HEALTH[(sent + i) % 6]);
  apps[i] = a;
  for (const s of streams) s.write(`data: ${JSON.stringify({ result: { type: "MODIFIED", application: a } })}\n\n`);
  sent++;
  await sleep(1000 / RATE);
}
await sleep(500);
const long = await js(`window.__long`);

console.log(`[list-bench] ${COUNT} applications, chromium headless, stand-in API`);
console.log(`  first tiles painted:       ${first.toFixed(0)} ms after navigation start (count shown: ${total})`);
console.log(`  tiles in the DOM:          ${tilesInDom} (windowed)`);
console.log(`  search "app-1":            ${searchMs.toFixed(0)} ms to a painted, filtered list (${afterSearch})`);
console.log(`  health filter "Degraded":  ${selectMs.toFixed(0)} ms`);
console.log(`  table + scroll to the end: ${tableMs.toFixed(0)} ms; last row ${lastRow}; rows in the DOM: ${rowsInDom}`);
console.log(`  ${sent} SSE events in 10 s:   ${long.length} long tasks (> 50 ms)${long.length ? `, longest ${Math.max(...long).toFixed(0)} ms` : ""}`);

ws.close();
chrome.kill();
server.close();
for (const s of streams) s.destroy();
process.exit(0);
