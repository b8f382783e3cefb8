/**
 * Item 3 of the benchmark: `check` end to end on examples/basic (the root Pulumi.yaml runs it), split into its
 * phases, against the floor of running the same program under mocks without any pack. Every run is a fresh
 * process, as a user's run is: compiling, loading and starting are what it costs.
 */
import * as path from "path";
import { Rounds, Timing, compare, runSideBySide, series, timing } from "../measure";
import { ChildMode, ChildResult } from "./checkChild";
import { runTimedChild } from "./timedChild";

export const REPO_DIR = path.resolve(__dirname, "../..");
const CHILD = path.join(__dirname, "checkChild.ts");

export interface CheckBenchOptions {
  readonly programDir: string;
  readonly rounds: Rounds;
  readonly log: (line: string) => void;
}

export interface CheckFigures {
  /** The program's entry file, relative to the repository. */
  readonly program: string;
  readonly resources: number;
  /** Milliseconds of each phase of `check`, from the start of `runCheck`; pack start overlaps the program. */
  readonly check: {
    readonly total: Timing;
    readonly program: Timing;
    readonly compile: Timing;
    /** The program minus its compiling. */
    readonly programRun: Timing;
    readonly packStart: Timing;
    readonly analysis: Timing;
    /**
     * The pack's own work: from when both the program had ended and the pack had started, to the answers.
     * The rest of `analysis` is waiting for the pack to start.
     */
    readonly packWork: Timing;
    /** The whole process, node's start and loading the tool included. */
    readonly process: Timing;
  };
  /** The same program without any pack. */
  readonly floor: {
    readonly total: Timing;
    readonly compile: Timing;
    readonly programRun: Timing;
    readonly process: Timing;
  };
  /** `check` total over the floor's total (median of per-round ratios). */
  readonly ratio: number;
  /** The same for whole processes. */
  readonly processRatio: number;
}

type Metric = "processMs" | "totalMs" | "programMs" | "compileMs" | "packStartMs" | "analysisMs";

export async function benchCheck(options: CheckBenchOptions): Promise<CheckFigures> {
  let resources: number | undefined;
  let program: string | undefined;
  const side = (mode: ChildMode) => async () => {
    const { result, processMs } = await runChild(mode, options.programDir);
    if (mode === "check" && result.verdict !== "pass") {
      throw new Error(`check of ${options.programDir} said "${result.verdict}"; the example must pass`);
    }
    resources ??= result.resources;
    program ??= result.program;
    if (result.resources !== resources) {
      throw new Error(`a ${mode} run registered ${result.resources} resources, another run ${resources}`);
    }
    return {
      processMs,
      totalMs: result.totalMs,
      programMs: result.programMs,
      compileMs: result.compileMs,
      packStartMs: result.packStartMs ?? 0,
      analysisMs: result.analysisMs ?? 0,
    };
  };
  options.log(
    `check: ${options.rounds.warmups + options.rounds.runs} rounds of check and floor, fresh processes`,
  );
  const samples = await runSideBySide(options.rounds, { check: side("check"), floor: side("floor") });
  const of = (mode: ChildMode, metric: Metric): number[] => series(samples[mode], metric);
  const runOnly = (mode: ChildMode): Timing =>
    timing(of(mode, "programMs").map((ms, i) => ms - of(mode, "compileMs")[i]));
  return {
    program: program ?? path.relative(REPO_DIR, options.programDir),
    resources: resources ?? 0,
    check: {
      total: timing(of("check", "totalMs")),
      program: timing(of("check", "programMs")),
      compile: timing(of("check", "compileMs")),
      programRun: runOnly("check"),
      packStart: timing(of("check", "packStartMs")),
      analysis: timing(of("check", "analysisMs")),
      packWork: timing(
        of("check", "totalMs").map(
          (total, i) => total - Math.max(of("check", "programMs")[i], of("check", "packStartMs")[i]),
        ),
      ),
      process: timing(of("check", "processMs")),
    },
    floor: {
      total: timing(of("floor", "totalMs")),
      compile: timing(of("floor", "compileMs")),
      programRun: runOnly("floor"),
      process: timing(of("floor", "processMs")),
    },
    ratio: compare(of("check", "totalMs"), of("floor", "totalMs")).ratio,
    processRatio: compare(of("check", "processMs"), of("floor", "processMs")).ratio,
  };
}

/** Runs one child and reads its result, the last line it prints; its stderr says why when it fails. */
function runChild(mode: ChildMode, programDir: string): Promise<{ result: ChildResult; processMs: number }> {
  return runTimedChild<ChildResult>(CHILD, [mode, programDir], { cwd: REPO_DIR, label: mode });
}
