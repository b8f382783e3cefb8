import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO } from "../../support/builtPackage";
import { PulumiSandbox } from "./pulumiSandbox";

/** The Go example's go.sum: every module its program needs once the SDK is linked, tests of dependencies included. */
const EXAMPLE_SUM = path.join(REPO, "examples", "go", "go.sum");

/** Why Go cannot be used here, or undefined when `go` runs. */
export function goMissing(): string | undefined {
  const run = spawnSync("go", ["version"], { encoding: "utf8" });
  return run.status === 0 ? undefined : `go is not installed (${run.error?.message ?? run.stderr.trim()})`;
}

/**
 * The modules that examples/go/go.sum names: `zips`, whose source a build or `go mod tidy` reads, and `modFiles`,
 * of which only the go.mod is read (older versions in the module graph). `go mod tidy` in the consumer, after
 * `pulumi package add`, needs exactly these: go.sum is what tidy left there once, with the proxy reachable.
 */
export function exampleModules(): { zips: string[]; modFiles: string[] } {
  const zips = new Set<string>();
  const mods = new Set<string>();
  for (const line of fs.readFileSync(EXAMPLE_SUM, "utf8").split("\n")) {
    const [modulePath, version] = line.trim().split(/\s+/);
    if (!modulePath || !version) continue;
    if (version.endsWith("/go.mod")) mods.add(`${modulePath}@${version.slice(0, -"/go.mod".length)}`);
    else zips.add(`${modulePath}@${version}`);
  }
  return { zips: [...zips].sort(), modFiles: [...mods].filter((m) => !zips.has(m)).sort() };
}

/**
 * Puts the Go example's modules into the module cache, OUTSIDE the sandbox (the proxy must be reachable the first
 * time; later it is a look into the cache). Inside the sandbox, {@link offlineGo} keeps Go to that cache. Returns
 * how long it took, for the report.
 */
export async function downloadExampleModules(): Promise<number> {
  const started = Date.now();
  const { zips, modFiles } = exampleModules();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-ta-gomod-"));
  // Outside any module, each is fetched into the module cache and checked against the checksum database as usual:
  // `go mod download` fetches a module whole, `go list -m` only its .info and go.mod.
  const env = { ...process.env, GOFLAGS: "" };
  try {
    await run("go", ["mod", "download", ...zips], dir, env);
    if (modFiles.length > 0) await run("go", ["list", "-m", ...modFiles], dir, env);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return Date.now() - started;
}

/**
 * Go inside the sandbox: the module cache only (GOPROXY=off: a missing module is an error naming it, not a lookup),
 * and go.mod updatable by `go build` as by `go mod tidy`.
 */
export function offlineGo(sandbox: PulumiSandbox): void {
  sandbox.env.GOPROXY = "off";
  sandbox.env.GOFLAGS = `${process.env.GOFLAGS ?? ""} -mod=mod`.trim();
}

/** Runs a command to its end; rejects with its output when it fails. */
export function run(
  command: string,
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (output += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (output += c));
    child.once("error", reject);
    child.once("close", (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} ${args.join(" ")} failed in ${cwd} (exit ${code}):\n${output}`)),
    );
  });
}
