#!/usr/bin/env node
// Idle-socket load generator: opens N authenticated Socket.IO connections (websocket transport
// only, one Engine.IO connection each, no reconnection) with the official socket.io-client, at a
// bounded concurrency, spread over K child processes (one process cannot hold 20,000 sockets
// under `ulimit -n` 20000), holds them idle while the heartbeats run, and prints ONE JSON line:
//
//   connect:   conns/s over the whole connect phase (first attempt to last connect), per-conn p50/p99
//   server:    VmRSS before connecting / after connecting (settled) / at the end of the idle hold,
//              RSS growth per socket; CPU (utime+stime from /proc/<pid>/stat) as % of one core over a
//              window with no socket and over the idle hold (>= one ping interval); open fds
//   sockets:   connect errors, disconnects during the run (with their reasons)
//   loadavg:   /proc/loadavg at start and end (the box is shared: read figures beside it)
//
//   node loader.js --url http://127.0.0.1:3113 -n 5000 --procs 2 --concurrency 50 \
//     --tokens tokens.txt --server-pid PID --hold-s 30 --label 5000/fieldsync
//
// socket.io-client comes from NODE_PATH (run.sh points it at the shared harness's node_modules).
// Loopback URLs only; every phase is bounded; the process exits on its own.
"use strict";

const fs = require("fs");
const { fork } = require("child_process");
const { performance } = require("perf_hooks");

const CLK_TCK = 100;
const r1 = (x) => (x === null || x === undefined ? null : Math.round(x * 10) / 10);
const r3 = (x) => (x === null || x === undefined ? null : Math.round(x * 1000) / 1000);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function parseArgs(argv) {
  const o = {
    url: "http://127.0.0.1:3113",
    clients: 1000,
    procs: 0, // 0: one child per 9,000 sockets
    concurrency: 50, // connections in flight, all children together
    tokens: "",
    serverPid: 0,
    baseS: 10, // CPU window with no socket, before connecting
    settleS: 3, // after the last connect, before the "after connect" sample
    holdS: 30, // idle hold: at least one ping interval (25 s on both servers)
    timeoutS: 600,
    fdMargin: 32, // fds the server keeps free for its own files (database, logs, accept)
    label: "",
    child: false,
  };
  const map = {
    "--url": ["url", String], "-n": ["clients", Number], "--clients": ["clients", Number],
    "--procs": ["procs", Number], "--concurrency": ["concurrency", Number], "--tokens": ["tokens", String],
    "--server-pid": ["serverPid", Number], "--base-s": ["baseS", Number], "--settle-s": ["settleS", Number],
    "--hold-s": ["holdS", Number], "--timeout-s": ["timeoutS", Number], "--fd-margin": ["fdMargin", Number],
    "--label": ["label", String],
  };
  for (let i = 2; i < argv.length; i++) {
    if (argv[i] === "--child") { o.child = true; continue; }
    const spec = map[argv[i]];
    if (!spec) throw new Error(`unknown flag ${argv[i]}`);
    const v = argv[++i];
    if (v === undefined) throw new Error(`missing value for ${argv[i - 1]}`);
    o[spec[0]] = spec[1](v);
  }
  const host = new URL(o.url).hostname;
  if (!["127.0.0.1", "localhost", "[::1]", "::1"].includes(host)) throw new Error(`refusing non-loopback url ${o.url}`);
  return o;
}

// ---------------------------------------------------------------- /proc of the server
function proc(pid) {
  if (!pid) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const rss = status.match(/VmRSS:\s+(\d+) kB/);
    return { cpuS: (Number(f[11]) + Number(f[12])) / CLK_TCK, rssKiB: rss ? Number(rss[1]) : null,
             fds: fs.readdirSync(`/proc/${pid}/fd`).length, t: performance.now() };
  } catch (e) {
    return null;
  }
}
function fdLimit(pid) {
  try {
    const m = fs.readFileSync(`/proc/${pid}/limits`, "utf8").match(/Max open files\s+(\d+)/);
    return m ? Number(m[1]) : null;
  } catch (e) {
    return null;
  }
}
const cpuPct = (a, b) => (a && b ? r1((100 * (b.cpuS - a.cpuS)) / ((b.t - a.t) / 1000)) : null);
function clientVersion() {
  const path = require("path");
  const dir = path.dirname(require.resolve("socket.io-client"));
  return JSON.parse(fs.readFileSync(path.join(dir, "..", "..", "package.json"), "utf8")).version;
}
const loadavg = () => fs.readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).map(Number);

// ---------------------------------------------------------------- child: holds a slice of sockets
function child() {
  const { io } = require("socket.io-client");
  let sockets = [];
  let disconnects = 0;
  const reasons = {};
  const send = (m) => process.send(m);
  process.on("message", async (m) => {
    if (m.cmd === "connect") {
      const cpu0 = process.cpuUsage();
      const tokens = m.tokens;
      const connectMs = [];
      let errors = 0;
      let next = 0;
      const firstError = [];
      const one = () => new Promise((resolve) => {
        const i = next++;
        const t = performance.now();
        const s = io(m.url, {
          transports: ["websocket"], forceNew: true, reconnection: false, timeout: 20000,
          auth: tokens.length ? { token: tokens[i % tokens.length] } : {},
        });
        s.on("connect", () => { connectMs.push(performance.now() - t); resolve(); });
        s.on("connect_error", (err) => {
          errors++;
          if (firstError.length < 3) firstError.push(String(err && (err.data ? JSON.stringify(err.data) : err.message)));
          s.close();
          resolve();
        });
        s.on("disconnect", (reason) => { disconnects++; reasons[reason] = (reasons[reason] || 0) + 1; });
        sockets.push(s);
      });
      const worker = async () => { while (next < m.count) await one(); };
      await Promise.all(Array.from({ length: Math.max(1, Math.min(m.concurrency, m.count)) }, worker));
      send({ type: "connected", connectMs, errors, firstError, wallDone: Date.now(), cpu: process.cpuUsage(cpu0) });
    } else if (m.cmd === "report") {
      const open = sockets.filter((s) => s.connected).length;
      send({ type: "report", disconnects, reasons, open, cpu: process.cpuUsage(), rssKiB: process.memoryUsage().rss / 1024 });
    } else if (m.cmd === "close") {
      for (const s of sockets) s.close();
      sockets = [];
      setTimeout(() => process.exit(0), 200);
    }
  });
  send({ type: "ready" });
}

// ---------------------------------------------------------------- parent
async function parent(o) {
  const hard = setTimeout(() => { console.error("loader: hard deadline"); process.exit(3); }, o.timeoutS * 1000);
  const load0 = loadavg();
  let n = o.clients;
  const notes = [];
  const before = proc(o.serverPid);
  const limit = fdLimit(o.serverPid);
  if (before && limit) {
    const room = limit - before.fds - o.fdMargin;
    if (n > room) {
      notes.push(`capped from ${n} to ${room}: the server may open ${limit} files, holds ${before.fds} ` +
                 `before any socket and keeps ${o.fdMargin} free`);
      n = room;
    }
  }
  const procs = o.procs > 0 ? o.procs : Math.max(1, Math.ceil(n / 9000));
  const tokens = o.tokens ? fs.readFileSync(o.tokens, "utf8").split("\n").filter(Boolean) : [];
  if (o.tokens && tokens.length < n) notes.push(`only ${tokens.length} tokens for ${n} sockets: tokens are reused`);

  // children up and socket.io-client loaded before anything is timed
  const kids = [];
  for (let k = 0; k < procs; k++) {
    const c = fork(__filename, ["--child"], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    c.waiters = [];
    c.on("message", (m) => { const w = c.waiters.shift(); if (w) w(m); });
    kids.push(c);
  }
  const next = (c) => new Promise((r) => c.waiters.push(r));
  await Promise.all(kids.map(next)); // ready

  // CPU with no socket (the server's own timers and jobs), then connect
  const base0 = proc(o.serverPid);
  await sleep(o.baseS * 1000);
  const base1 = proc(o.serverPid);

  const share = (k) => Math.floor(n / procs) + (k < n % procs ? 1 : 0);
  let offset = 0;
  const tConn = performance.now();
  const connected = await Promise.all(kids.map((c, k) => {
    const count = share(k);
    const slice = tokens.length ? tokens.slice(offset, offset + count) : [];
    offset += count;
    const conc = Math.floor(o.concurrency / procs) + (k < o.concurrency % procs ? 1 : 0);
    c.send({ cmd: "connect", url: o.url, count, concurrency: conc, tokens: slice.length ? slice : tokens });
    return next(c);
  }));
  const connectWallS = (performance.now() - tConn) / 1000;
  const atConnected = proc(o.serverPid);
  await sleep(o.settleS * 1000);
  const settled = proc(o.serverPid);

  // idle hold: heartbeats only
  const hold0 = proc(o.serverPid);
  const kidCpu0 = (await Promise.all(kids.map((c) => { c.send({ cmd: "report" }); return next(c); })));
  await sleep(o.holdS * 1000);
  const hold1 = proc(o.serverPid);
  const reports = await Promise.all(kids.map((c) => { c.send({ cmd: "report" }); return next(c); }));
  const load1 = loadavg();

  const ms = connected.flatMap((c) => c.connectMs).sort((a, b) => a - b);
  const pct = (p) => (ms.length ? ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)] : null);
  const ok = ms.length;
  const errors = connected.reduce((a, c) => a + c.errors, 0);
  const reasons = {};
  for (const r of reports) for (const [k, v] of Object.entries(r.reasons)) reasons[k] = (reasons[k] || 0) + v;
  const kidCpuS = reports.reduce((a, r, i) => a + (r.cpu.user + r.cpu.system - kidCpu0[i].cpu.user - kidCpu0[i].cpu.system) / 1e6, 0);
  const perSocket = (a, b) => (a && b && ok ? r1(((b.rssKiB - a.rssKiB) * 1024) / ok / 1000) : null);
  const out = {
    label: o.label,
    url: o.url,
    clients_requested: o.clients,
    clients: n,
    connected: ok,
    connect_errors: errors,
    first_errors: connected.flatMap((c) => c.firstError).slice(0, 3),
    procs,
    concurrency: o.concurrency,
    connect: {
      wall_s: r3(connectWallS),
      conns_per_s: Math.round(ok / connectWallS),
      per_conn_ms_p50: r3(pct(50)),
      per_conn_ms_p99: r3(pct(99)),
    },
    server: before && hold1 ? {
      rss_mib_before: r1(before.rssKiB / 1024),
      rss_mib_connected: r1(atConnected.rssKiB / 1024),
      rss_mib_settled: r1(settled.rssKiB / 1024),
      rss_mib_after_hold: r1(hold1.rssKiB / 1024),
      rss_kb_per_socket: perSocket(before, settled), // kB = 1000 bytes
      rss_kb_per_socket_after_hold: perSocket(before, hold1),
      cpu_pct_no_sockets: cpuPct(base0, base1),
      cpu_pct_idle_hold: cpuPct(hold0, hold1),
      cpu_pct_connect: cpuPct(base1, atConnected),
      hold_s: r1((hold1.t - hold0.t) / 1000),
      fds_before: before.fds,
      fds_held: hold1.fds,
      fd_limit: limit,
    } : null,
    disconnects: reports.reduce((a, r) => a + r.disconnects, 0),
    disconnect_reasons: reasons,
    open_at_end: reports.reduce((a, r) => a + r.open, 0),
    loader_cpu_pct_idle_hold: r1((100 * kidCpuS) / o.holdS),
    // the loader's own CPU while connecting: on a shared box it competes with the server for the cores
    loader_cpu_ms_per_connect: ok ? r3(connected.reduce((a, c) => a + (c.cpu.user + c.cpu.system) / 1000, 0) / ok) : null,
    loader_rss_mib: r1(reports.reduce((a, r) => a + r.rssKiB, 0) / 1024),
    loadavg_start: load0,
    loadavg_end: load1,
    notes,
    node: process.version,
    socket_io_client: clientVersion(),
  };
  process.stdout.write(JSON.stringify(out) + "\n");
  for (const c of kids) c.send({ cmd: "close" });
  clearTimeout(hard);
  setTimeout(() => process.exit(0), 1500);
}

const opts = parseArgs(process.argv);
if (opts.child) child();
else parent(opts).catch((e) => {
  process.stdout.write(JSON.stringify({ label: opts.label, status: "error", error: String(e && e.stack ? e.stack : e) }) + "\n");
  process.exit(1);
});
