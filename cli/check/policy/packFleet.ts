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

/**
 * The policy packs of one check. They start as soon as the fleet is made — each compiles its TypeScript in its own
 * process while the program runs here — and are always stopped by {@link close}, whatever happened in between.
 */
export class PackFleet {
  private readonly sessions: Promise<PackSession>[];
  /** Milliseconds from the fleet's making until every pack had started or failed to. */
  readonly startMs: Promise<number>;

  constructor(
    private readonly plans: readonly PackPlan[],
    stack: StackSettings,
  ) {
    const started = performance.now();
    this.sessions = plans.map((plan) => startPolicyPack(plan.dir, { stack }));
    this.startMs = Promise.allSettled(this.sessions).then(() => performance.now() - started);
    // A start that fails before anyone waits for it is reported by analyze(), not as an unhandled rejection.
    for (const session of this.sessions) session.catch(() => undefined);
  }

  /** Configures each pack as the CLI does, then sends Analyze for every new resource and AnalyzeStack once. */
  async analyze(stack: RecordedStack): Promise<PackVerdict[]> {
    const verdicts: PackVerdict[] = [];
    for (const [i, plan] of this.plans.entries()) {
      const session = await this.sessions[i].catch((err: unknown) => {
        throw packFailure(err);
      });
      verdicts.push(
        await analyzeWith(session, plan, stack).catch((err: unknown) => Promise.reject(packFailure(err))),
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

async function analyzeWith(session: PackSession, plan: PackPlan, stack: RecordedStack): Promise<PackVerdict> {
  const info = await session.info();
  const config = reconcilePolicyConfig(info, plan.configFile);
  await session.configure(config);
  const diagnostics: Diagnostic[] = [];
  for (const resource of stack.resources) {
    // A resource read with `.get` is looked up, not created: the engine analyses only what it registers.
    if (resource.operation !== "create") continue;
    diagnostics.push(...(await session.analyze(toAnalyzeRequest(resource))).diagnostics);
  }
  diagnostics.push(...(await session.analyzeStack(stack.resources.map(toStackResource))).diagnostics);
  return { dir: session.dir, info, config, diagnostics, logs: [...session.logs] };
}

function packFailure(err: unknown): Error {
  if (err instanceof CheckError) return err;
  if (err instanceof PackStartError || err instanceof PackCallError) return new CheckError(err.message);
  return new CheckError(`A policy pack failed: ${messageOf(err)}`);
}
