import { spawn } from "child_process";
import * as path from "path";

export const REPO = path.resolve(__dirname, "..", "..", "..");
export const FIXTURES = "test/check/fixtures";

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `aks-trusted-access <args>` from its TypeScript sources in a child process (working directory: the
 * repository, unless given), as a user's shell would: the tests see exactly its stdout, stderr and exit code.
 * The CLI is transpiled without type-checking here; `npm run typecheck` checks it. The user's program is not
 * type-checked either (`PULUMI_NODEJS_TRANSPILE_ONLY`, as Pulumi's host takes it), unless `typeCheck` asks for it,
 * as the tests of compile errors do: type-checking each fixture again in every run doubled the suite's CPU time, and
 * `npm run typecheck` checks the fixture programs under the repository's own options.
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
  const child = spawn(
    process.execPath,
    [
      require.resolve("ts-node/register/transpile-only"),
      path.join(__dirname, "cliEntry.ts"),
      ...args,
    ].flatMap((arg, i) => (i === 0 ? ["-r", arg] : [arg])),
    {
      cwd: options.cwd ?? REPO,
      // The CLI's own sources compile with the repository's tsconfig, wherever the check runs from.
      env: {
        ...process.env,
        TS_NODE_PROJECT: path.join(REPO, "tsconfig.json"),
        ...(options.typeCheck === true ? {} : { PULUMI_NODEJS_TRANSPILE_ONLY: "true" }),
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
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
