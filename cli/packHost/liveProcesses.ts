import { ChildProcess } from "child_process";

/**
 * Pack processes still running. They are killed when this process exits, and on SIGINT/SIGTERM/SIGHUP, so a pack
 * never outlives its host — not even when the caller forgot `close()` or the user pressed Ctrl-C.
 */
const live = new Set<ChildProcess>();
const SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

function killAll(): void {
  for (const child of live) child.kill("SIGKILL");
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  killAll();
  unhook();
  // Listening to a signal cancels Node's default of exiting; give it back unless someone else handles it.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function hook(): void {
  process.on("exit", killAll);
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function unhook(): void {
  process.off("exit", killAll);
  for (const signal of SIGNALS) process.off(signal, onSignal);
}

/** Tracks a child until it exits. */
export function track(child: ChildProcess): void {
  if (live.size === 0) hook();
  live.add(child);
  child.once("exit", () => {
    live.delete(child);
    if (live.size === 0) unhook();
  });
}

/** How many pack processes are running now (for tests and diagnostics). */
export function liveProcessCount(): number {
  return live.size;
}
