import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EngineEvent, readEventLog } from "./engineEvents";
import { RealCliTools } from "./realCliTools";

export interface PulumiRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The engine's events (`--event-log`), for preview, up, destroy and refresh. */
  readonly events: EngineEvent[];
}

/** Commands that take `--event-log`. */
const OPERATIONS = new Set(["preview", "up", "destroy", "refresh"]);

/** Runs a command in a network namespace of its own, holding only loopback (as root, or with user namespaces). */
const UNSHARE = [
  "unshare",
  "--map-root-user",
  "--net",
  "--",
  "sh",
  "-c",
  'ip link set lo up && exec "$0" "$@"',
];

/** Whether this machine can run a command with {@link UNSHARE}: then nothing it starts reaches beyond 127.0.0.1. */
export const ISOLATES_NETWORK =
  spawnSync(UNSHARE[0], [...UNSHARE.slice(1), "true"], { stdio: "ignore" }).status === 0;

/** `command args`, offline where the machine allows it ({@link ISOLATES_NETWORK}). */
export function isolated(command: string, args: readonly string[]): [string, string[]] {
  return ISOLATES_NETWORK ? [UNSHARE[0], [...UNSHARE.slice(1), command, ...args]] : [command, [...args]];
}

let stacks = 0;

/**
 * One test's Pulumi world, offline by construction: a temporary PULUMI_HOME with the azure-native stand-in installed
 * as the plugin at the version our SDK asks for, a `file://` backend and the stand-in's fake Azure in a temporary
 * folder, a passphrase, no update check, no plugin download, no registry lookup, and (where the machine allows) a
 * network namespace that holds only loopback.
 *
 * Stacks get names of their own, so that tests on the same program can run side by side; `pulumi stack init` writes
 * the stack's Pulumi.<stack>.yaml (its passphrase salt) beside the program, and {@link dispose} removes it.
 */
export class PulumiSandbox {
  private readonly stackFiles: string[] = [];

  private constructor(
    readonly dir: string,
    readonly env: NodeJS.ProcessEnv,
    private readonly tools: RealCliTools,
  ) {}

  static async create(tools: RealCliTools): Promise<PulumiSandbox> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-ta-realcli-"));
    for (const sub of ["home", "backend"]) fs.mkdirSync(path.join(dir, sub));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${tools.binDir}${path.delimiter}${process.env.PATH ?? ""}`,
      PULUMI_HOME: path.join(dir, "home"),
      PULUMI_BACKEND_URL: `file://${path.join(dir, "backend")}`,
      PULUMI_CONFIG_PASSPHRASE: "correct horse battery staple",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      PULUMI_DISABLE_REGISTRY_RESOLVE: "true",
      PULUMI_IGNORE_AMBIENT_PLUGINS: "true",
      PULUMI_DIY_BACKEND_DISABLE_CHECKPOINT_BACKUPS: "true",
      // --event-log is offered only with this set, as in Pulumi's own integration tests.
      PULUMI_DEBUG_COMMANDS: "true",
      PULUMI_NODEJS_TRANSPILE_ONLY: "true",
      AZURE_NATIVE_STANDIN_STATE: path.join(dir, "azure.json"),
      // `pulumi package add` of this repository runs `npm install` in it: from npm's cache only, no audit.
      npm_config_offline: "true",
      npm_config_audit: "false",
      npm_config_fund: "false",
      npm_config_update_notifier: "false",
    };
    const sandbox = new PulumiSandbox(dir, env, tools);
    try {
      await sandbox.installStandin("azure-native", tools.standin.version);
    } catch (err) {
      sandbox.dispose();
      throw err;
    }
    return sandbox;
  }

  /**
   * Installs the stand-in as the plugin `name` at `version` (the CLI looks plugins up by exact version): azure-native
   * at another version, or a provider a program uses beside it (classic `azure`, `azuread`, `tls`, `random`), which
   * the stand-in serves without knowing its resources (test/realCli/standin/genericStandin.ts).
   */
  async installStandin(name: string, version: string): Promise<void> {
    const run = await this.pulumi(
      ["plugin", "install", "resource", name, version, "--file", this.tools.standin.executable],
      { cwd: this.dir },
    );
    if (run.code !== 0)
      throw new Error(`installing the stand-in as ${name} ${version} failed:\n${run.stderr}`);
  }

  /** Creates a stack of the project in `projectDir` and returns its name. */
  async initStack(projectDir: string): Promise<string> {
    const name = `rc${process.pid}x${++stacks}`;
    const file = path.join(projectDir, `Pulumi.${name}.yaml`);
    this.stackFiles.push(file);
    const run = await this.pulumi(["stack", "init", name, "--non-interactive"], { cwd: projectDir });
    if (run.code !== 0) throw new Error(`pulumi stack init ${name} failed in ${projectDir}:\n${run.stderr}`);
    return name;
  }

  /**
   * Runs `pulumi <args>` in `cwd`, non-interactively, with the engine's events logged for an operation.
   * `typeCheck` lets Pulumi's ts-node type-check the program, as a user's run does (off by default, as in
   * check's tests, because the fixtures are type-checked by `npm test`).
   */
  async pulumi(args: readonly string[], options: { cwd: string; typeCheck?: boolean }): Promise<PulumiRun> {
    const eventLog = OPERATIONS.has(args[0])
      ? path.join(this.dir, `events-${Date.now()}-${stacks}.jsonl`)
      : undefined;
    const full = [...args, ...(eventLog ? ["--event-log", eventLog, "--non-interactive"] : [])];
    const env = options.typeCheck === true ? { ...this.env, PULUMI_NODEJS_TRANSPILE_ONLY: "" } : this.env;
    const [command, commandArgs] = isolated("pulumi", full);
    const child = spawn(command, commandArgs, { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once("error", reject);
      child.once("close", resolve);
    });
    const events = eventLog !== undefined && fs.existsSync(eventLog) ? readEventLog(eventLog) : [];
    return { code, stdout, stderr, events };
  }

  /** The stack's checkpoint, as `pulumi stack export` gives it. */
  async exportStack(projectDir: string): Promise<StackDeployment> {
    const run = await this.pulumi(["stack", "export"], { cwd: projectDir });
    if (run.code !== 0) throw new Error(`pulumi stack export failed:\n${run.stderr}`);
    return (JSON.parse(run.stdout) as { deployment: StackDeployment }).deployment;
  }

  /** Puts resources "made elsewhere" into the stand-in's fake Azure, by ARM id. */
  seedAzure(resources: Record<string, { type: string; inputs: object; outputs: object }>): void {
    fs.writeFileSync(this.env.AZURE_NATIVE_STANDIN_STATE!, JSON.stringify(resources));
  }

  dispose(): void {
    for (const file of this.stackFiles) fs.rmSync(file, { force: true });
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The part of a checkpoint the tests read. */
export interface StackDeployment {
  readonly resources?: readonly StateResource[];
}

export interface StateResource {
  readonly urn: string;
  readonly type: string;
  readonly id?: string;
  readonly parent?: string;
  readonly custom?: boolean;
  readonly inputs?: Record<string, unknown>;
  readonly outputs?: Record<string, unknown>;
  readonly replaceOnChanges?: readonly string[];
  readonly deleteBeforeReplace?: boolean;
}
