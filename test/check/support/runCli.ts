import { spawn } from "child_process";
import { CLI_BIN, REPO, ensureBuilt } from "../../support/builtPackage";

export { REPO };
export const FIXTURES = "test/check/fixtures";

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `aks-trusted-access <args>` in a child process (working directory: the repository, unless given), as a
 * user's shell runs it after `npm ci`: the compiled CLI and its compiled pack, built from the sources as they are now.
 * The tests see exactly its stdout, stderr and exit code. The user's program is not type-checked
 * (`PULUMI_NODEJS_TRANSPILE_ONLY`, as Pulumi's host takes it) unless `typeCheck` asks for it, as the tests of compile
 * errors do: `npm run typecheck` checks the fixture programs under the repository's own options.
 */
export function runCli(
  args: readonly string[],
  options: {
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    typeCheck?: boolean;
    onSpawn?: (pid: number) => void;
  } = {},
): Promise<CliRun> {
  ensureBuilt();
  const child = spawn(process.execPath, [CLI_BIN, ...args], {
    cwd: options.cwd ?? REPO,
    env: {
      ...process.env,
      ...(options.typeCheck === true ? {} : { PULUMI_NODEJS_TRANSPILE_ONLY: "true" }),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid !== undefined) options.onSpawn?.(child.pid);
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
