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
 * processes it starts from now on (the packs) inherit the lower one. On Linux this is the calling thread's, the one
 * that runs the program; the garbage collector's helper threads keep theirs. A system that refuses (no right to
 * change it) leaves it as it is: the priority is an optimization.
 */
export function yieldToTypeCheck(): void {
  try {
    os.setPriority(Math.min(os.getPriority() + BELOW_TYPE_CHECK, LOWEST));
  } catch {
    // Left at its priority: only the ordering of the work is lost.
  }
}
