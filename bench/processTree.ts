import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { timeMs } from "./measure";

/** What one run of a command cost, its whole process tree counted. */
export interface TreeSample {
  readonly wallMs: number;
  /** User + system CPU of the command and every descendant it waited for (GNU time's %U + %S). */
  readonly cpuMs: number;
  /** The highest sum of the resident memory of the command and its descendants, sampled every 20 ms. */
  readonly peakMiB: number;
}

const SAMPLE_EVERY_MS = 20;
const PAGE_KIB = 4;

/**
 * Runs `command args` to its end and measures it as a whole: a `pulumi preview` is the CLI, its language host, the
 * program, the provider and the policy pack, and `check` is itself, the pack and a type-checker, so both are
 * weighed with everything they start. The command must exit 0.
 */
export async function measureTree(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; label: string },
): Promise<TreeSample> {
  if (!fs.existsSync("/usr/bin/time"))
    throw new Error("the benchmark needs GNU time (/usr/bin/time) to count CPU");
  const timesDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-time-"));
  try {
    return await measureWithTimes(command, args, options, path.join(timesDir, "times"));
  } finally {
    fs.rmSync(timesDir, { recursive: true, force: true });
  }
}

async function measureWithTimes(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; label: string },
  timesFile: string,
): Promise<TreeSample> {
  let peakKiB = 0;
  let stderr = "";
  let code: number | null = null;
  const wallMs = await timeMs(
    () =>
      new Promise<void>((resolve, reject) => {
        const child = spawn("/usr/bin/time", ["-f", "%U %S", "-o", timesFile, command, ...args], {
          cwd: options.cwd,
          env: options.env ?? process.env,
          stdio: ["ignore", "ignore", "pipe"],
        });
        child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
        const sampler = setInterval(() => {
          if (child.pid !== undefined) peakKiB = Math.max(peakKiB, treeRssKiB(child.pid));
        }, SAMPLE_EVERY_MS);
        child.once("error", reject);
        child.once("close", (exit) => {
          clearInterval(sampler);
          code = exit;
          resolve();
        });
      }),
  );
  if (code !== 0)
    throw new Error(`the ${options.label} run exited with ${code}: ${stderr.trim().slice(-2000)}`);
  const [user, system] = fs.readFileSync(timesFile, "utf8").trim().split("\n").pop()!.split(" ").map(Number);
  return { wallMs, cpuMs: (user + system) * 1000, peakMiB: peakKiB / 1024 };
}

/** The resident memory of a process and all its descendants now, in KiB (Linux /proc). */
function treeRssKiB(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const pid = Number(entry);
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), pid]);
      // Field 24 of stat (22 after the name) is the resident set in pages.
      rss.set(pid, Number(fields[21]) * PAGE_KIB);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    total += rss.get(pid) ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}
