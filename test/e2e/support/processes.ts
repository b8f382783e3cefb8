import * as path from "path";

/** Folder of a fixture pack under test/e2e/fixtures. */
export function fixturePack(name: string): string {
  return path.join(__dirname, "..", "fixtures", name);
}

/** Whether a process with this id is running (signal 0 tests for existence without sending anything). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
