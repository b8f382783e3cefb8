import { ChildProcess, SpawnOptions, spawn } from "child_process";
import { track } from "../../packHost/liveProcesses";

/** A type-checker's process and what it printed so far. */
export interface CheckerProcess {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
}

/**
 * Starts a type-checker beside the program: killed when this process exits or is interrupted, as pack processes
 * are, with its stdout and stderr kept as text for its answer.
 */
export function startCheckerProcess(
  command: string,
  args: readonly string[],
  options: Pick<SpawnOptions, "cwd" | "env"> = {},
): CheckerProcess {
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  track(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return { child, stdout: () => stdout, stderr: () => stderr };
}
