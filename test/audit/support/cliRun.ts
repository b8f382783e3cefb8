import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLI_BIN, REPO, ensureBuilt } from "../../support/builtPackage";

const GUARD = join(__dirname, "loopbackGuard.ts");

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliEnvironment {
  /** Directory of the stand-in `az`, put first on PATH. */
  readonly azDir: string;
  /** PEM file of the test server's certificate, trusted through NODE_EXTRA_CA_CERTS. */
  readonly caPath: string;
  /** More variables, e.g. for a credential test. */
  readonly extra?: Readonly<Record<string, string>>;
}

/** A loopback port that nothing listens on: taken, then released. */
export async function closedLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/**
 * Runs the CLI in a child process as a user would after `npm ci`: the compiled CLI, built from the sources as they
 * are now, with the loopback guard preloaded. The environment is built from scratch, so no
 * AZURE_*, MSI_* or IDENTITY_* variable of the parent leaks in; managed identity would look for its endpoint on a
 * closed loopback port, and the loopback guard refuses any other host.
 */
export async function runCli(args: readonly string[], env: CliEnvironment): Promise<CliResult> {
  ensureBuilt();
  const home = mkdtempSync(join(tmpdir(), "aks-ta-home-"));
  const closedPort = await closedLoopbackPort();
  const child = spawn(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", "-r", GUARD, CLI_BIN, ...args],
    {
      cwd: REPO,
      env: {
        PATH: `${env.azDir}:/usr/bin:/bin`,
        HOME: home,
        NODE_EXTRA_CA_CERTS: env.caPath,
        TS_NODE_TRANSPILE_ONLY: "true",
        TS_NODE_PROJECT: join(REPO, "tsconfig.json"),
        AZURE_POD_IDENTITY_AUTHORITY_HOST: `http://127.0.0.1:${closedPort}`,
        ...env.extra,
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const code = await new Promise<number | null>((r) => child.on("close", (c) => r(c)));
  return { code, stdout, stderr };
}
