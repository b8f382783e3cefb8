import * as fs from "fs";

/**
 * The peak resident memory of a running process, in MiB: `VmHWM` ("high water mark") from /proc/<pid>/status.
 * `undefined` where /proc is not there (not Linux) or the process is gone: a missing figure, not a made-up one.
 */
export function peakMemoryMiB(pid: number): number | undefined {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return undefined;
  }
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  return match ? Number(match[1]) / 1024 : undefined;
}
