import * as fs from "fs";

interface ProcessEntry {
  readonly pid: number;
  readonly cmdline: string;
}

/**
 * The processes started by `pid`, and by those in turn, with their command lines (Linux /proc): the bin script
 * starts `check` again in a process of its own, which starts the packs.
 */
export function descendantProcesses(pid: number): ProcessEntry[] {
  const children = childProcesses(pid);
  return [...children, ...children.flatMap((child) => descendantProcesses(child.pid))];
}

/** Process ids whose parent is `pid`, with their command lines. */
function childProcesses(pid: number): ProcessEntry[] {
  const children: ProcessEntry[] = [];
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // The second field is the command in parentheses and may hold spaces; the parent id follows the state.
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === pid) {
        const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ");
        children.push({ pid: Number(entry), cmdline });
      }
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Polls `condition` every 100 ms until it holds or `ms` pass; returns whether it held. */
export async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) {
    if (condition()) return true;
  }
  return condition();
}
