import { CheckReport } from "../output/checkReport";
import { buildReport } from "./buildReport";
import type { PackFleet } from "./policy/packFleet";
import { selectPolicyPacks } from "./policy/packSelection";
import { chooseCompiler } from "./program/nativeCompiler";
import { ProgramRun, prepareProgram, runPreparedProgram } from "./program/programRunner";
import { yieldToTypeCheck } from "./program/typeCheckPriority";
import { TypeChecker } from "./program/typeCheck";
import { typescriptCompileMs } from "./program/typescriptHook";
import { readPulumiProject } from "./program/pulumiProject";
import { StackConfigOptions, readStackConfig } from "./program/stackConfig";
import { StatusLine } from "./statusLine";
import { toolPackage } from "./toolPackage";

/** What `aks-trusted-access check` is asked to do. */
export interface CheckOptions {
  /** Folder of the program's Pulumi.yaml. */
  readonly programDir: string;
  /** The stack's config: `--stack`, `--config-file`, `--config`, `--config-path`. */
  readonly stackConfig?: StackConfigOptions;
  /** Policy pack folders; the default pack when empty. */
  readonly policyPacks: readonly string[];
  /** `--policy-pack-config` files, the n-th for the n-th pack. */
  readonly policyPackConfigs: readonly string[];
  /**
   * `--tsc`: `auto` (TypeScript 7's native tsc when the program has it), `ts-node`, or the path of a TypeScript 7
   * tsc; unset, `AKS_TRUSTED_ACCESS_TSC` decides, else `auto` (see nativeCompiler.ts).
   */
  readonly tsc?: string;
  /** Told, as soon as it is known, why a TypeScript 7 that was found or asked for did not type-check. */
  readonly onNote?: (note: string) => void;
}

/** How long each part took, in milliseconds; packs start while the program runs, so the parts overlap. */
export interface CheckTimings {
  /** Reading the project and running the program, compiling included. */
  readonly program: number;
  /** The part of `program` spent transpiling the program's TypeScript. */
  readonly compile: number;
  /**
   * The separate type-check, from its start (once the entry file is known) to its answer; it runs beside the
   * program and the analysis. Undefined when nothing was type-checked.
   */
  readonly typeCheck?: number;
  /** The type-check process's peak resident memory, in MiB (not a duration; beside the timings for the bench). */
  readonly typeCheckPeakMiB?: number;
  /** From the check's start until every pack had started (or failed to), alongside the program. */
  readonly packStart: number;
  /** From the program's end until every pack has answered. */
  readonly analysis: number;
  readonly total: number;
}

/**
 * Runs the program as a first preview of a new stack would, then the policy packs over what it registered, and
 * returns the report. Packs are stopped before this returns or throws. Anything that keeps the check from
 * completing is a CheckError.
 */
export async function runCheck(
  options: CheckOptions,
  status: StatusLine,
): Promise<{ report: CheckReport; timings: CheckTimings }> {
  const started = Date.now();
  const compiledBefore = typescriptCompileMs();
  const project = readPulumiProject(options.programDir);
  const config = readStackConfig(project, options.stackConfig);
  const plans = selectPolicyPacks(project.dir, options.policyPacks, options.policyPackConfigs);
  const compiler = chooseCompiler(project.dir, options.tsc);
  // The type-check first: it is the longest part, and everything else can run beside it.
  const prepared = prepareProgram(project, {
    compiler,
    onChecker: (checker: TypeChecker) => {
      if (checker.note !== undefined) options.onNote?.(checker.note);
    },
  });
  if (prepared.typeCheck !== undefined) yieldToTypeCheck();
  status.update(`Starting ${plans.length === 1 ? "the policy pack" : `${plans.length} policy packs`}…`);
  const fleetMade = Date.now();
  let fleet: PackFleet;
  try {
    // Loaded once the checker runs: gRPC and the config validation are not needed to start it.
    const { PackFleet } = await import("./policy/packFleet");
    fleet = new PackFleet(plans, {
      project: project.name,
      stack: config.stack,
      organization: "organization",
      dryRun: true,
      config: config.values,
      configSecretKeys: config.secretKeys,
    });
  } catch (err) {
    prepared.stop();
    throw err;
  }
  let run: ProgramRun | undefined;
  try {
    await fleet.spawned;
    status.update(`Compiling and running ${project.name}…`);
    run = await runPreparedProgram(prepared, config);
    const { stack } = run;
    const programDone = Date.now();
    status.update(`${stack.resources.length} resources; analysing…`);
    // A compile error wins over the verdict, and over a pack's failure: ts-node would have stopped before both.
    const [analysed, compiled] = await Promise.allSettled([fleet.analyze(stack), run.typeChecked]);
    if (compiled.status === "rejected") throw compiled.reason;
    if (analysed.status === "rejected") throw analysed.reason;
    const verdicts = analysed.value;
    const typeChecked = compiled.value;
    const report = buildReport(stack, verdicts, toolPackage(), typeChecked?.checker);
    const finished = Date.now();
    return {
      report,
      timings: {
        program: programDone - started,
        compile: typescriptCompileMs() - compiledBefore,
        ...(typeChecked === undefined ? {} : { typeCheck: typeChecked.ms }),
        ...(typeChecked?.peakMiB === undefined ? {} : { typeCheckPeakMiB: typeChecked.peakMiB }),
        packStart: (await fleet.startMs) + (fleetMade - started),
        analysis: finished - programDone,
        total: finished - started,
      },
    };
  } finally {
    prepared.stop();
    await fleet.close();
    status.clear();
  }
}
