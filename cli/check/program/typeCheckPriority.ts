import * as fs from "fs";
import * as os from "os";

/**
 * How far below its type-check `check` runs the program and the packs (in nice values) once the type-check has
 * started. The checker is the longest part of a check on a program like Pulumi's AKS examples (as long as
 * `tsc --noEmit`), and on 2 cores the run and the packs took CPU from it: run below it, they take what it leaves,
 * and the check ends when the checker does. Nice values only order work that waits for a core; on an idle core
 * nothing waits.
 */
export const BELOW_TYPE_CHECK = 10;

/** The lowest priority there is (the highest nice value). */
const LOWEST = 19;

/**
 * Lowers this process's priority below that of its type-check, started before and so at this process's priority:
 * processes and threads it starts from now on (the packs) inherit the lower one. On Linux a priority is a thread's,
 * so each of this process's threads is lowered: the one that runs the program, and V8's, which collect its garbage
 * beside it. A system that refuses (no right to change it) leaves it as it is: the priority is an optimization.
 */
export function yieldToTypeCheck(): void {
  for (const thread of threadsOfThisProcess()) {
    try {
      os.setPriority(thread, Math.min(os.getPriority(thread) + BELOW_TYPE_CHECK, LOWEST));
    } catch {
      // Left at its priority: only the ordering of the work is lost.
    }
  }
}

/** Linux's thread ids of this process; elsewhere 0, this process (where a priority is the whole process's). */
function threadsOfThisProcess(): number[] {
  try {
    return fs.readdirSync("/proc/self/task").map(Number);
  } catch {
    return [0];
  }
}
