/**
 * One measured run of item 3, in a fresh process as a user runs `check`: nothing compiled, loaded or started yet.
 *
 *   node -r ts-node/register/transpile-only bench/check/checkChild.ts check|floor <program-dir>
 *
 * `check` runs the check command's `runCheck` with its default policy pack and prints its phase timings; `floor`
 * runs the same program the same way (the check's own program runner: compiled by the same TypeScript hook,
 * under the same mocks) without any pack. Prints one JSON line of {@link ChildResult} on stdout.
 */
import * as path from "path";
import { runCheck } from "../../cli/check";
import { runProgram } from "../../cli/check/program/programRunner";
import { readPulumiProject } from "../../cli/check/program/pulumiProject";
import { readStackConfig } from "../../cli/check/program/stackConfig";
import { typescriptCompileMs } from "../../cli/check/program/typescriptHook";

export type ChildMode = "check" | "floor";

/** Milliseconds, from the start of the run (after this process loaded the tool). */
export interface ChildResult {
  readonly mode: ChildMode;
  /** The program's entry file, relative to the working directory (the repository). */
  readonly program: string;
  readonly totalMs: number;
  readonly programMs: number;
  readonly compileMs: number;
  /** `check` only: until the pack had started, alongside the program. */
  readonly packStartMs: number | null;
  /** `check` only: from the program's end until the pack answered. */
  readonly analysisMs: number | null;
  readonly resources: number;
  /** `check` only. */
  readonly verdict: "pass" | "fail" | null;
}

const quiet = { update: (): void => undefined, clear: (): void => undefined };

async function measure(mode: ChildMode, programDir: string): Promise<ChildResult> {
  if (mode === "check") {
    const { report, timings } = await runCheck({ programDir, policyPacks: [], policyPackConfigs: [] }, quiet);
    return {
      mode,
      program: report.program,
      totalMs: timings.total,
      programMs: timings.program,
      compileMs: timings.compile,
      packStartMs: timings.packStart,
      analysisMs: timings.analysis,
      resources: report.resources.length,
      verdict: report.verdict,
    };
  }
  const started = Date.now();
  const compiledBefore = typescriptCompileMs();
  const project = readPulumiProject(programDir);
  const stack = await runProgram(project, readStackConfig(project));
  const totalMs = Date.now() - started;
  return {
    mode,
    program: path.relative(process.cwd(), stack.mainFile).split(path.sep).join("/"),
    totalMs,
    programMs: totalMs,
    compileMs: typescriptCompileMs() - compiledBefore,
    packStartMs: null,
    analysisMs: null,
    resources: stack.resources.length,
    verdict: null,
  };
}

const [mode, programDir] = process.argv.slice(2);
if ((mode !== "check" && mode !== "floor") || programDir === undefined) {
  process.stderr.write(
    `usage: checkChild.ts check|floor <program-dir> (got ${process.argv.slice(2).join(" ")})\n`,
  );
  process.exit(2);
}
measure(mode, programDir).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
