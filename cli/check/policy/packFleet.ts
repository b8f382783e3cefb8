import {
  Diagnostic,
  LogEntry,
  PackCallError,
  PackInfo,
  PackSession,
  PackStartError,
  PolicyConfig,
  StackSettings,
  startPolicyPack,
} from "../../packHost";
import { messageOf } from "../../command/commandError";
import { CheckError } from "../checkError";
import { RecordedStack } from "../program/recordedStack";
import { toAnalyzeRequest, toStackResource } from "./packResources";
import { PolicyConfigFile } from "./policyConfigFile";
import { reconcilePolicyConfig } from "./reconcilePolicyConfig";

/** A pack to run, with its `--policy-pack-config` file if one was given. */
export interface PackPlan {
  readonly dir: string;
  readonly configFile?: PolicyConfigFile;
}

/** What one pack said about the stack. */
export interface PackVerdict {
  readonly dir: string;
  readonly info: PackInfo;
  /** The configuration it was given (levels and settings per policy). */
  readonly config: Readonly<Record<string, PolicyConfig>>;
  readonly diagnostics: readonly Diagnostic[];
  readonly logs: readonly LogEntry[];
}

/** A started pack, configured as the CLI configures it: ready for Analyze calls. */
interface ConfiguredPack {
  readonly session: PackSession;
  readonly info: PackInfo;
  readonly config: Readonly<Record<string, PolicyConfig>>;
}

/**
 * The policy packs of one check. They start and are configured as soon as the fleet is made, in their own
 * processes while the program runs here, and are always stopped by {@link close}, whatever happened in between.
 */
export class PackFleet {
  private readonly sessions: Promise<PackSession>[];
  private readonly configured: Promise<ConfiguredPack>[];
  /** Milliseconds from the fleet's making until every pack had started or failed to. */
  readonly startMs: Promise<number>;
  /**
   * Every pack's process exists (or failed to start). The program is run after this: run first, it would keep this
   * process's event loop busy, and the packs would be spawned only once it ended.
   */
  readonly spawned: Promise<void>;

  constructor(plans: readonly PackPlan[], stack: StackSettings) {
    const started = performance.now();
    const spawned: Promise<void>[] = [];
    this.sessions = plans.map((plan) => {
      let onSpawned = (): void => undefined;
      spawned.push(new Promise((resolve) => (onSpawned = resolve)));
      const session = startPolicyPack(plan.dir, { stack, onSpawned });
      // A pack that fails before its process exists is as far as it will get.
      session.then(onSpawned, onSpawned);
      return session;
    });
    this.spawned = Promise.all(spawned).then(() => undefined);
    this.startMs = Promise.allSettled(this.sessions).then(() => performance.now() - started);
    this.configured = this.sessions.map((session, i) => session.then((s) => configure(s, plans[i])));
    // A start that fails before anyone waits for it is reported by analyze(), not as an unhandled rejection.
    for (const pack of this.configured) pack.catch(() => undefined);
  }

  /** Sends each pack Analyze for every new resource and AnalyzeStack once; the packs' failures in plan order. */
  async analyze(stack: RecordedStack): Promise<PackVerdict[]> {
    const verdicts: PackVerdict[] = [];
    for (const pack of this.configured) {
      verdicts.push(
        await pack
          .then((configured) => analyzeWith(configured, stack))
          .catch((err: unknown) => Promise.reject(packFailure(err))),
      );
    }
    return verdicts;
  }

  /** Stops every pack process, started or still starting. */
  async close(): Promise<void> {
    await Promise.all(
      this.sessions.map((s) =>
        s.then(
          (session) => session.close(),
          () => undefined,
        ),
      ),
    );
  }
}

async function configure(session: PackSession, plan: PackPlan): Promise<ConfiguredPack> {
  const info = await session.info();
  const config = reconcilePolicyConfig(info, plan.configFile);
  await session.configure(config);
  return { session, info, config };
}

/**
 * Every call at once, as the engine sends them for resources registered side by side: the pack answers them one
 * after another without a round trip between them. The diagnostics keep the resources' order, the stack's last.
 */
async function analyzeWith(
  { session, info, config }: ConfiguredPack,
  stack: RecordedStack,
): Promise<PackVerdict> {
  // A resource read with `.get` is looked up, not created: the engine analyses only what it registers, and leaves
  // what it reads out of AnalyzeStack too (its read steps never join the stack's new states; seen under the real
  // CLI, test/realCli/checkAgreesWithPreview.test.ts).
  const created = stack.resources.filter((resource) => resource.operation === "create");
  const answers = await Promise.all([
    ...created.map((resource) => session.analyze(toAnalyzeRequest(resource))),
    session.analyzeStack(created.map(toStackResource)),
  ]);
  const diagnostics: Diagnostic[] = answers.flatMap((answer) => answer.diagnostics);
  return { dir: session.dir, info, config, diagnostics, logs: [...session.logs] };
}

function packFailure(err: unknown): Error {
  if (err instanceof CheckError) return err;
  if (err instanceof PackStartError || err instanceof PackCallError) return new CheckError(err.message);
  return new CheckError(`A policy pack failed: ${messageOf(err)}`);
}
