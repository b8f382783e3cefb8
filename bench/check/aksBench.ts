/**
 * `check` on programs shaped like Pulumi's AKS examples (aksProgram.ts), issue 10 items 1 and 2. Every run is a
 * fresh process (aksChild.ts); the sides of one size run back to back, in an order that rotates every round.
 *
 * - Item 1, at `typeCheckSizes`: `check` against the larger of the type-check alone and `check` with
 *   type-checking off, per round; the same verdict and the same compiler diagnostics.
 * - Item 2, at every size: `check` with type-checking off against the program under Pulumi's mocks alone, in wall
 *   time and peak memory, and the growth of both from the smallest to the largest size.
 * - Issue 10 item 1, TypeScript 7, at `typeCheckSizes`: the native tsc's type-check alone against TypeScript 5's
 *   under the same tsconfig (the template with module nodenext, which TypeScript 7 takes), and `check` with it
 *   against `check` as above; the same diagnostics from both compilers.
 * - Issue 18 item 1, at `typeCheckSizes`: `check` against `tsc --noEmit` alone, whole processes, under
 *   pulumi/examples azure-ts-aks's own tsconfig (tscBench.ts).
 * - At `youngGenerationSizes`: the same two sides again under a larger young generation
 *   (`--max-semi-space-size`), to show what that runtime setting buys each.
 */
import * as path from "path";
import { ensureBuilt } from "../../test/support/builtPackage";
import { Rounds, Timing, median, runSideBySide, series, timing } from "../measure";
import { AksChildResult, AksMode } from "./aksChild";
import { writeAksProgram } from "./aksProgram";
import { runTimedChild } from "./timedChild";
import { TscFigures, benchAgainstTsc } from "./tscBench";

const REPO = path.resolve(__dirname, "..", "..");
const CHILD = path.join(__dirname, "aksChild.ts");
/** The young generation tried against Node's default (16 MiB semi-spaces on 64-bit). */
export const YOUNG_GENERATION_FLAG = "--max-semi-space-size=64";

export interface AksBenchOptions {
  readonly sizes: readonly number[];
  readonly typeCheckSizes: readonly number[];
  readonly youngGenerationSizes: readonly number[];
  readonly rounds: Rounds;
  readonly log: (line: string) => void;
}

/** One side's figures: wall time of the work and of the whole process, and peak resident memory. */
export interface SideFigures {
  readonly totalMs: Timing;
  readonly processMs: Timing;
  /** Median peak of the process, in MiB. */
  readonly peakMiB: number;
  /** `check`: median peak of its separate type-check process, in MiB. */
  readonly typeCheckPeakMiB: number | null;
}

export interface AksSizeFigures {
  readonly clusters: number;
  /** Resources `check` reports, the root stack included. */
  readonly resources: number;
  readonly sides: Readonly<Partial<Record<SideName, SideFigures>>>;
  /** Item 1: check / max(type-check alone, check with type-checking off), median of per-round ratios. */
  readonly checkVsSlowerPart: number | null;
  /** Item 1: check and the type-check alone found the same diagnostics (none, for this program). */
  readonly sameDiagnostics: boolean | null;
  /** Item 2: check with type-checking off / the program under mocks alone. */
  readonly transpileVsMocks: { readonly wall: number; readonly peak: number };
  /**
   * TypeScript 7's native tsc: its type-check alone / TypeScript 5's under the same tsconfig, and `check` with it /
   * `check` with ts-node's TypeScript (below 1 is a gain); whether both compilers found the same diagnostics.
   */
  readonly native: {
    readonly typeCheck: number;
    readonly check: number;
    readonly sameDiagnostics: boolean;
  } | null;
  /**
   * Issue 18 item 1, at `typeCheckSizes`: `check` against `tsc --noEmit` alone under azure-ts-aks's own tsconfig,
   * whole processes, TypeScript 5 on both sides (tscBench.ts).
   */
  readonly againstTsc: TscFigures | null;
  /** What the larger young generation buys: with / without, for each side (below 1 is a gain). */
  readonly youngGeneration: { readonly checkTranspile: number; readonly mocks: number } | null;
}

export interface AksFigures {
  readonly shape: string;
  readonly sizes: readonly AksSizeFigures[];
  /** Item 2: growth from the smallest to the largest size, wall time, for check and for the program alone. */
  readonly growth: {
    readonly from: number;
    readonly to: number;
    readonly check: number;
    readonly mocks: number;
  } | null;
}

type SideName =
  | "check"
  | "checkTranspile"
  | "typeCheck"
  | "mocks"
  | "checkTranspileYoung"
  | "mocksYoung"
  | "checkNative"
  | "typeCheckNative"
  | "typeCheckNodenext";
type Metric = "processMs" | "totalMs" | "peakMiB" | "typeCheckPeakMiB";

const SIDES: Record<SideName, { mode: AksMode; flags: string[] }> = {
  check: { mode: "check", flags: [] },
  checkTranspile: { mode: "check-transpile", flags: [] },
  typeCheck: { mode: "typecheck", flags: [] },
  mocks: { mode: "mocks", flags: [] },
  checkTranspileYoung: { mode: "check-transpile", flags: [YOUNG_GENERATION_FLAG] },
  mocksYoung: { mode: "mocks", flags: [YOUNG_GENERATION_FLAG] },
  checkNative: { mode: "check-native", flags: [] },
  typeCheckNative: { mode: "typecheck-native", flags: [] },
  typeCheckNodenext: { mode: "typecheck-nodenext", flags: [] },
};

export async function benchAks(options: AksBenchOptions): Promise<AksFigures> {
  ensureBuilt(); // the check sides run the compiled CLI, as installed
  const sizes: AksSizeFigures[] = [];
  for (const clusters of options.sizes) sizes.push(await benchSize(clusters, options));
  const first = sizes[0];
  const last = sizes[sizes.length - 1];
  const growth =
    first && last && last.clusters > first.clusters
      ? {
          from: first.clusters,
          to: last.clusters,
          check:
            (last.sides.checkTranspile?.totalMs.medianMs ?? NaN) /
            (first.sides.checkTranspile?.totalMs.medianMs ?? NaN),
          mocks: (last.sides.mocks?.totalMs.medianMs ?? NaN) / (first.sides.mocks?.totalMs.medianMs ?? NaN),
        }
      : null;
  return {
    shape:
      "synthetic, shaped like pulumi/examples azure-ts-aks-*: 5 + N/10 files, per-module and root azure-native " +
      "imports, Pulumi's template tsconfig, N AksClusters with 3 bindings each",
    sizes,
    growth,
  };
}

async function benchSize(clusters: number, options: AksBenchOptions): Promise<AksSizeFigures> {
  const names: SideName[] = ["checkTranspile", "mocks"];
  if (options.typeCheckSizes.includes(clusters)) {
    names.unshift("check", "typeCheck");
    names.push("checkNative", "typeCheckNative", "typeCheckNodenext");
  }
  if (options.youngGenerationSizes.includes(clusters)) names.push("checkTranspileYoung", "mocksYoung");
  const program = writeAksProgram(clusters);
  options.log(
    `check-aks: ${clusters} clusters, ${names.join(", ")}: ${options.rounds.warmups + options.rounds.runs} rounds`,
  );
  const results: Partial<Record<SideName, AksChildResult[]>> = {};
  try {
    const sides = Object.fromEntries(
      names.map((name) => [
        name,
        async () => {
          const { result, processMs } = await runChild(SIDES[name], program.dir);
          (results[name] ??= []).push(result);
          return {
            processMs,
            totalMs: result.totalMs,
            peakMiB: result.peakMiB,
            typeCheckPeakMiB: result.typeCheckPeakMiB ?? 0,
          };
        },
      ]),
    ) as Record<SideName, () => Promise<Record<Metric, number>>>;
    const samples = await runSideBySide(options.rounds, sides);
    const of = (name: SideName, metric: Metric): number[] => series(samples[name], metric);
    const perRound = (f: (round: number) => number): number =>
      median(samples[names[0]].map((_, round) => f(round)));
    const figures = Object.fromEntries(
      names.map((name) => [
        name,
        {
          totalMs: timing(of(name, "totalMs")),
          processMs: timing(of(name, "processMs")),
          peakMiB: median(of(name, "peakMiB")),
          typeCheckPeakMiB:
            name === "check" || name === "checkNative" ? median(of(name, "typeCheckPeakMiB")) : null,
        },
      ]),
    ) as Partial<Record<SideName, SideFigures>>;
    const hasItem1 = names.includes("check");
    const verdicts = new Set(
      [...(results.check ?? []), ...(results.checkTranspile ?? []), ...(results.checkNative ?? [])].map(
        (r) => r.verdict,
      ),
    );
    const resources = new Set((results.checkTranspile ?? []).map((r) => r.resources));
    if (verdicts.size !== 1 || resources.size !== 1) {
      throw new Error(
        `check-aks at ${clusters}: the runs disagree (verdicts ${[...verdicts]}, resources ${[...resources]})`,
      );
    }
    const diagnostics = new Set((results.typeCheck ?? []).map((r) => r.diagnostics ?? ""));
    const againstTsc = hasItem1 ? await benchAgainstTsc(program.dir, options) : null;
    return {
      clusters,
      resources: [...resources][0] ?? 0,
      sides: figures,
      checkVsSlowerPart: hasItem1
        ? perRound(
            (r) =>
              of("check", "totalMs")[r] /
              Math.max(of("typeCheck", "totalMs")[r], of("checkTranspile", "totalMs")[r]),
          )
        : null,
      // check fails with exit 2 on a compile error, so its having passed means no diagnostics: the same as the
      // type-check alone found exactly when that found none.
      sameDiagnostics: hasItem1 ? diagnostics.size === 1 && diagnostics.has("") : null,
      transpileVsMocks: {
        wall: perRound((r) => of("checkTranspile", "totalMs")[r] / of("mocks", "totalMs")[r]),
        peak: perRound((r) => of("checkTranspile", "peakMiB")[r] / of("mocks", "peakMiB")[r]),
      },
      native: hasItem1
        ? {
            typeCheck: perRound(
              (r) => of("typeCheckNative", "totalMs")[r] / of("typeCheckNodenext", "totalMs")[r],
            ),
            check: perRound((r) => of("checkNative", "totalMs")[r] / of("check", "totalMs")[r]),
            sameDiagnostics:
              new Set(
                [...(results.typeCheckNative ?? []), ...(results.typeCheckNodenext ?? [])].map(
                  (r) => r.diagnostics ?? "",
                ),
              ).size === 1,
          }
        : null,
      againstTsc,
      youngGeneration: names.includes("mocksYoung")
        ? {
            checkTranspile: perRound(
              (r) => of("checkTranspileYoung", "totalMs")[r] / of("checkTranspile", "totalMs")[r],
            ),
            mocks: perRound((r) => of("mocksYoung", "totalMs")[r] / of("mocks", "totalMs")[r]),
          }
        : null,
    };
  } finally {
    program.remove();
  }
}

function runChild(
  side: { mode: AksMode; flags: readonly string[] },
  programDir: string,
): Promise<{ result: AksChildResult; processMs: number }> {
  return runTimedChild<AksChildResult>(CHILD, [side.mode, programDir], {
    cwd: REPO,
    flags: side.flags,
    label: side.mode,
  });
}
