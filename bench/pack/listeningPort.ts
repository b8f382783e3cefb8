import * as fs from "fs";

/**
 * The TCP port a process listens on at 127.0.0.1, read from /proc (Linux): the inodes of its sockets
 * (/proc/<pid>/fd) matched against the listening sockets of its network namespace (/proc/<pid>/net/tcp).
 *
 * Why: the benchmark sends the pack pre-encoded requests, so that what it times is the pack's work and not this
 * process building protobuf messages; PackSession keeps the port to itself, and this reads it without changing it.
 */
export function listeningPort(pid: number): number {
  const inodes = socketInodes(pid);
  const table = readOrFail(`/proc/${pid}/net/tcp`, pid);
  const LISTEN = "0A";
  const LOOPBACK = "0100007F";
  for (const line of table.split("\n").slice(1)) {
    const cols = line.trim().split(/\s+/);
    if (cols.length < 10) continue;
    const [address, port] = cols[1].split(":");
    if (cols[3] === LISTEN && address === LOOPBACK && inodes.has(cols[9])) return parseInt(port, 16);
  }
  throw new Error(`process ${pid} listens on no port of 127.0.0.1 (read from /proc/${pid}/net/tcp)`);
}

function socketInodes(pid: number): Set<string> {
  const dir = `/proc/${pid}/fd`;
  let fds: string[];
  try {
    fds = fs.readdirSync(dir);
  } catch (err) {
    throw new Error(`cannot list ${dir}: ${(err as Error).message} (the benchmark needs Linux's /proc)`);
  }
  const inodes = new Set<string>();
  for (const fd of fds) {
    let target: string;
    try {
      target = fs.readlinkSync(`${dir}/${fd}`);
    } catch {
      continue; // closed meanwhile
    }
    const match = /^socket:\[(\d+)\]$/.exec(target);
    if (match) inodes.add(match[1]);
  }
  return inodes;
}

function readOrFail(file: string, pid: number): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (err) {
    throw new Error(`cannot read ${file} of process ${pid}: ${(err as Error).message}`);
  }
}
