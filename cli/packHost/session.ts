import * as grpc from "@grpc/grpc-js";
import { AnalyzerConnection } from "./analyzerClient";
import { EngineEndpoint, startEngineService } from "./engineService";
import { PackCallError, PackInputError, PackStartError } from "./errors";
import { messageOf } from "../command/commandError";
import { connect } from "./handshake";
import { packEnvironment } from "./packEnvironment";
import { PackProcess, spawnPack } from "./packProcess";
import { loadPolicyProject } from "./policyProject";
import { analyzeRequest, analyzeStackRequest, configureRequest } from "./requests";
import { analysisResult, packInfo } from "./responses";
import {
  AnalysisResult,
  LogEntry,
  PackInfo,
  PolicyConfig,
  ResourceToAnalyze,
  StackResource,
  StackSettings,
} from "./types";

export interface StartPolicyPackOptions {
  /** Extra environment variables for the pack process, on top of this process's environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * The stack being analysed, passed as the CLI passes it: `PULUMI_*` environment variables and a ConfigureStack
   * call. Leave it out to start the pack as `pulumi policy publish` does, with neither.
   */
  readonly stack?: StackSettings;
  /** How long the pack may take to compile and print its port. Defaults to 120 000 ms (ts-node type-checks it). */
  readonly startTimeoutMs?: number;
  /**
   * Called once the pack's process exists, before it has loaded. A caller about to keep this process's event loop
   * busy (running a program) waits for it, so that the pack loads meanwhile instead of being spawned afterwards.
   */
  readonly onSpawned?: () => void;
}

/** A running policy pack. Always `close()` it, or use {@link withPolicyPack}. */
export interface PackSession {
  /** Absolute path of the pack folder. */
  readonly dir: string;
  /** Process id of the pack. */
  readonly pid: number;
  /** The port on 127.0.0.1 the pack serves its Analyzer on, as it printed it (for clients of its own). */
  readonly port: number;
  /** What the pack logged so far: Engine `Log` calls and its stdout/stderr lines. Grows while the pack runs. */
  readonly logs: readonly LogEntry[];
  /** GetAnalyzerInfo: the pack's name, version and policies. */
  info(): Promise<PackInfo>;
  /** GetPluginInfo: the version of the policy SDK that serves the pack. */
  pluginVersion(): Promise<string>;
  /**
   * Configure: each policy's enforcement level and properties, replacing any earlier configuration. Policies left
   * out fall back to their own level. The CLI sends this only when a config file is given.
   */
  configure(config: Readonly<Record<string, PolicyConfig>>): Promise<void>;
  /** Analyze: runs every resource policy on one resource's inputs. Diagnostics carry that resource's URN. */
  analyze(resource: ResourceToAnalyze): Promise<AnalysisResult>;
  /** AnalyzeStack: runs every stack policy on all resources at once. */
  analyzeStack(resources: readonly StackResource[]): Promise<AnalysisResult>;
  /** Stops the pack process and the engine service. Safe to call more than once. */
  close(): Promise<void>;
}

const DEFAULT_START_TIMEOUT_MS = 120_000;
const EXIT_WAIT_MS = 2_000;

/**
 * Starts the policy pack in `packDir` exactly as `pulumi preview --policy-pack <packDir>` does, and connects to it
 * as the engine. Fails with a {@link PackStartError} carrying the pack's stderr when it cannot start.
 */
export async function startPolicyPack(
  packDir: string,
  options: StartPolicyPackOptions = {},
): Promise<PackSession> {
  const project = loadPolicyProject(packDir);
  const logs: LogEntry[] = [];
  const engine = await startEngineService((entry) => logs.push(entry));
  let proc: PackProcess | undefined;
  let connection: AnalyzerConnection | undefined;
  try {
    const env = packEnvironment(options.stack, options.env);
    const spawning = spawnPack(
      project,
      engine.address,
      env,
      (entry) => logs.push(entry),
      startTimeoutMs(options),
    );
    options.onSpawned?.();
    proc = await spawning;
    connection = new AnalyzerConnection(proc.port);
    await connect(connection, proc, project.dir, engine.address, options.stack);
    return new Session(project.dir, proc, connection, engine, logs);
  } catch (err) {
    connection?.close();
    await proc?.stop();
    await engine.stop();
    if (err instanceof PackStartError || err instanceof PackInputError) throw err;
    throw new PackStartError(project.dir, messageOf(err), proc?.stderr());
  }
}

/** Starts the pack, runs `use` with it and stops the pack afterwards, whether `use` succeeded or threw. */
export async function withPolicyPack<T>(
  packDir: string,
  options: StartPolicyPackOptions,
  use: (session: PackSession) => Promise<T>,
): Promise<T> {
  const session = await startPolicyPack(packDir, options);
  try {
    return await use(session);
  } finally {
    await session.close();
  }
}

function startTimeoutMs(options: StartPolicyPackOptions): number {
  const timeout = options.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  if (!Number.isFinite(timeout) || timeout <= 0) {
    throw new PackInputError(`startTimeoutMs must be a positive number of milliseconds, got ${timeout}`);
  }
  return timeout;
}

class Session implements PackSession {
  readonly pid: number;
  readonly port: number;
  private closing: Promise<void> | undefined;

  constructor(
    readonly dir: string,
    private readonly proc: PackProcess,
    private readonly connection: AnalyzerConnection,
    private readonly engine: EngineEndpoint,
    readonly logs: readonly LogEntry[],
  ) {
    this.pid = proc.pid;
    this.port = proc.port;
  }

  async info(): Promise<PackInfo> {
    return this.call("GetAnalyzerInfo", async () => packInfo(await this.connection.getAnalyzerInfo()));
  }

  async pluginVersion(): Promise<string> {
    return this.call("GetPluginInfo", async () => (await this.connection.getPluginInfo()).getVersion());
  }

  async configure(config: Readonly<Record<string, PolicyConfig>>): Promise<void> {
    const req = configureRequest(config);
    await this.call("Configure", () => this.connection.configure(req));
  }

  async analyze(resource: ResourceToAnalyze): Promise<AnalysisResult> {
    const req = analyzeRequest(resource);
    return this.call("Analyze", async () => analysisResult(await this.connection.analyze(req), resource.urn));
  }

  async analyzeStack(resources: readonly StackResource[]): Promise<AnalysisResult> {
    const req = analyzeStackRequest(resources);
    return this.call("AnalyzeStack", async () => analysisResult(await this.connection.analyzeStack(req)));
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.connection.close();
      await this.proc.stop();
      await this.engine.stop();
    })();
    return this.closing;
  }

  private async call<T>(method: string, invoke: () => Promise<T>): Promise<T> {
    if (this.closing) throw new PackCallError(this.dir, method, "the session is closed");
    try {
      return await invoke();
    } catch (err) {
      // When the pack died, its stderr says why far better than "connection refused"; the exit may trail the error.
      if ((err as Partial<grpc.ServiceError>).code === grpc.status.UNAVAILABLE)
        await this.proc.exited(EXIT_WAIT_MS);
      const exit = this.proc.exitStatus();
      const reason = exit === undefined ? messageOf(err) : `the pack ${exit} (${messageOf(err)})`;
      throw new PackCallError(this.dir, method, reason, exit === undefined ? "" : this.proc.stderr());
    }
  }
}
