// Drives the official socket.io-client for tests/test_messaging_js.py: one JSON object per
// line on stdin is a command, one per line on stdout is a result or an event.
//
//   {"op": "connect", "id": "c1", "url": "http://127.0.0.1:8080", "token": "...", "transports": ["websocket"]}
//       -> {"type": "connected", "id": "c1"} | {"type": "connect_error", "id": "c1", "data": {...}}
//   {"op": "emit", "id": "c1", "req": 7, "event": "message:send", "payload": {...}}
//       -> {"type": "ack", "req": 7, "data": {...}} | {"type": "ack_timeout", "req": 7}
//   {"op": "close", "id": "c1"}  -> {"type": "closed", "id": "c1"}
//   {"op": "exit"}
// Server events on /messaging arrive as {"type": "event", "id": "c1", "event": "message:new", "data": {...}}.
// The process exits on "exit", when stdin closes, and in any case after LIFETIME_MS.
"use strict";

const readline = require("readline");
const { io } = require("socket.io-client");

const EVENTS = ["message:new", "message:read", "typing", "message:flagged"];
const ACK_TIMEOUT_MS = 10000;
const LIFETIME_MS = Number(process.env.DRIVER_LIFETIME_MS || 120000);

const sockets = new Map();

function out(obj) {
  process.stdout.write(JSON.stringify(obj) + "\n");
}

function connect({ id, url, token, transports }) {
  const socket = io(url + "/messaging", {
    auth: { token },
    transports: transports || ["websocket"],
    reconnection: false,
    forceNew: true,
  });
  sockets.set(id, socket);
  socket.on("connect", () => out({ type: "connected", id }));
  socket.on("connect_error", (err) => out({ type: "connect_error", id, data: err.data || { message: err.message } }));
  socket.on("disconnect", (reason) => out({ type: "disconnected", id, reason }));
  for (const event of EVENTS) {
    socket.on(event, (data) => out({ type: "event", id, event, data }));
  }
}

async function emit({ id, req, event, payload }) {
  const socket = sockets.get(id);
  try {
    const data = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload);
    out({ type: "ack", req, data });
  } catch (err) {
    out({ type: "ack_timeout", req, message: String(err) });
  }
}

function close({ id }) {
  const socket = sockets.get(id);
  if (socket) {
    socket.disconnect();
    sockets.delete(id);
  }
  out({ type: "closed", id });
}

function exit() {
  for (const socket of sockets.values()) socket.disconnect();
  process.exit(0);
}

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  if (!line.trim()) return;
  const command = JSON.parse(line);
  if (command.op === "connect") connect(command);
  else if (command.op === "emit") emit(command);
  else if (command.op === "close") close(command);
  else if (command.op === "exit") exit();
  else out({ type: "error", message: `unknown op ${command.op}` });
});
lines.on("close", exit);
setTimeout(exit, LIFETIME_MS).unref();
out({ type: "ready" });
