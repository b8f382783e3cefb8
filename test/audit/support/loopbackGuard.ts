/**
 * Preloaded (`node -r`) into every process the audit tests start: any connection or name lookup for a host other
 * than this machine's loopback fails at once and is reported on stderr with the marker below, which the tests
 * look for. It does not replace the test setup (explicit endpoints, scrubbed AZURE_* variables); it proves it.
 */
import dns from "node:dns";
import net from "node:net";

export const GUARD_MARKER = "loopback guard refused";
const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost", "::ffff:127.0.0.1"]);

function refuse(what: string): Error {
  process.stderr.write(`${GUARD_MARKER} ${what}\n`);
  return Object.assign(new Error(`connect ECONNREFUSED ${what} (${GUARD_MARKER})`), { code: "ECONNREFUSED" });
}

type ConnectArgs = unknown[];
const originalConnect = net.Socket.prototype.connect as (...args: ConnectArgs) => net.Socket;

function targetOf(args: ConnectArgs): { host?: string; port?: unknown; path?: unknown } {
  // net.connect() passes its normalized arguments as one array; socket.connect() takes them as they are.
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === "object" && first !== null) {
    const o = first as { host?: string; port?: unknown; path?: unknown };
    // As net itself decides: a truthy path is a local socket, anything else a host and port.
    return o.path ? { path: o.path } : { host: o.host ?? "localhost", port: o.port };
  }
  if (typeof first === "number" || (typeof first === "string" && /^[0-9]+$/.test(first))) {
    const host = typeof args[1] === "string" ? args[1] : "localhost";
    return { host, port: first };
  }
  return { path: first };
}

net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: ConnectArgs): net.Socket {
  const target = targetOf(args);
  if (target.host !== undefined && !LOOPBACK.has(target.host)) {
    const err = refuse(`${target.host}:${String(target.port)}`);
    process.nextTick(() => this.destroy(err));
    return this;
  }
  return originalConnect.apply(this, args);
} as typeof net.Socket.prototype.connect;

const originalLookup = dns.lookup as (...args: unknown[]) => void;
(dns as { lookup: unknown }).lookup = function guardedLookup(hostname: string, ...rest: unknown[]): void {
  if (!LOOPBACK.has(hostname)) {
    const callback = rest[rest.length - 1] as (err: Error) => void;
    const err = refuse(`lookup of ${hostname}`);
    process.nextTick(() => callback(err));
    return;
  }
  originalLookup.call(dns, hostname, ...rest);
};
