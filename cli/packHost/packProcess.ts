import { ChildProcess, spawn } from "child_process";
import { PackStartError } from "./errors";
import { track } from "./liveProcesses";
import { PolicyProject } from "./policyProject";
import { LogEntry } from "./types";

/** A started pack process that has printed its Analyzer port. */
export interface PackProcess {
  readonly pid: number;
  /** Port of the pack's Analyzer server on 127.0.0.1. */
  readonly port: number;
  /** Everything the pack wrote to stderr so far (the last {@link STDERR_LIMIT} characters). */
  stderr(): string;
  /** `undefined` while running; how it ended otherwise. */
  exitStatus(): string | undefined;
  /** Resolves when the process has exited, or after `timeoutMs`, whichever comes first. */
  exited(timeoutMs: number): Promise<void>;
  /** Stops the process (SIGTERM, then SIGKILL if it lingers) and waits until it is gone. Safe to call twice. */
  stop(): Promise<void>;
}

export const STDERR_LIMIT = 64 * 1024;
const STOP_GRACE_MS = 3000;
const STREAMS_CLOSE_MS = 1000;

/**
 * Runs the pack as the Pulumi CLI does: `node <run-policy-pack> <engine-address> .` with the pack folder as
 * working directory, then reads the port from the first line of stdout. Later stdout and stderr lines are logs.
 */
export function spawnPack(
  project: PolicyProject,
  engineAddress: string,
  env: NodeJS.ProcessEnv,
  onLog: (entry: LogEntry) => void,
  startTimeoutMs: number,
): Promise<PackProcess> {
  const child = spawn(process.execPath, [...orphanWatchdog(), project.runPolicyPack, engineAddress, "."], {
    cwd: project.dir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid !== undefined) track(child);

  let stderrText = "";
  let exit: string | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exit = signal ? `killed by ${signal}` : `exited with code ${code}`;
      resolve();
    }),
  );
  const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
  forEachLine(child.stderr, (line) => onLog({ source: "stderr", message: withoutColors(line) }));
  child.stderr?.on("data", (chunk: string) => {
    stderrText = (stderrText + withoutColors(chunk)).slice(-STDERR_LIMIT);
  });

  const stop = async (): Promise<void> => {
    if (exit !== undefined || child.pid === undefined) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  return new Promise<PackProcess>((resolve, reject) => {
    let started = false;
    const fail = (reason: string): void => {
      if (started) return;
      started = true;
      clearTimeout(timer);
      // The pipes close after the exit: wait for the last stderr bytes before building the error from them.
      void stop()
        .then(() => within(STREAMS_CLOSE_MS, closed))
        .then(() => reject(new PackStartError(project.dir, reason, stderrText)));
    };
    const timer = setTimeout(
      () => fail(`it did not print its Analyzer port within ${Math.round(startTimeoutMs / 1000)} s`),
      startTimeoutMs,
    );
    child.once("error", (err) => fail(`could not run ${process.execPath}: ${err.message}`));
    child.once("exit", () => fail(`it ${exit} before it printed its Analyzer port`));
    forEachLine(child.stdout, (line) => {
      if (started) {
        onLog({ source: "stdout", message: withoutColors(line) });
        return;
      }
      const port = Number(line.trim());
      if (!/^\d+$/.test(line.trim()) || port < 1 || port > 65535) {
        fail(`its first line of output should be its Analyzer port, got ${JSON.stringify(line)}`);
        return;
      }
      started = true;
      clearTimeout(timer);
      resolve({
        pid: child.pid ?? 0,
        port,
        stderr: () => stderrText,
        exitStatus: () => exit,
        exited: (timeoutMs) => within(timeoutMs, exited),
        stop,
      });
    });
  });
}

/**
 * Node options that make the pack exit once its host is gone without having stopped it (killed by SIGKILL, or
 * crashed): the pack checks every second whether it was orphaned. Preloaded from a data URL, so nothing is written
 * to disk and the pack's own code runs exactly as under the CLI. Needs `--import` (Node >= 20.6).
 */
function orphanWatchdog(): string[] {
  if (!process.allowedNodeEnvironmentFlags.has("--import")) return [];
  const code =
    "const host = process.ppid;" +
    "setInterval(() => { if (process.ppid !== host) process.exit(1); }, 1000).unref();";
  return ["--import", `data:text/javascript,${encodeURIComponent(code)}`];
}

/** Resolves when `event` does, or after `timeoutMs`, whichever comes first. */
function within(timeoutMs: number, event: Promise<void>): Promise<void> {
  return new Promise((done) => {
    const timer = setTimeout(done, timeoutMs);
    void event.then(() => {
      clearTimeout(timer);
      done();
    });
  });
}

function forEachLine(stream: ChildProcess["stdout"], onLine: (line: string) => void): void {
  let pending = "";
  stream?.setEncoding("utf8");
  stream?.on("data", (chunk: string) => {
    const lines = (pending + chunk).split(/\r?\n/);
    pending = lines.pop() ?? "";
    for (const line of lines) onLine(line);
  });
  stream?.on("end", () => {
    if (pending !== "") onLine(pending);
  });
}

/** The SDK colours the stack traces it prints; in a message or a log file the escape codes are noise. */
function withoutColors(text: string): string {
  return text.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "");
}
