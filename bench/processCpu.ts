import * as fs from "fs";

/** Linux reports process times in clock ticks of 1/100 s (USER_HZ, fixed for user space). */
const TICKS_PER_SECOND = 100;

/**
 * CPU time a process has used so far (user + system, all its threads), in milliseconds, from /proc/<pid>/stat;
 * 10 ms resolution. On a shared machine a process waits for a core as often as it runs, so its CPU time says
 * what it costs far more steadily than the wall clock does.
 */
export function processCpuMs(pid: number): number {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch (err) {
    throw new Error(
      `cannot read /proc/${pid}/stat: ${(err as Error).message} (the benchmark needs Linux's /proc)`,
    );
  }
  // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1000) / TICKS_PER_SECOND;
}
