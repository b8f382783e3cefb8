/**
 * `check` against `tsc --noEmit` alone (issue 18 item 1): the type-check a team runs anyway in CI, beside the gate
 * that also type-checks. On an AKS-shaped program (aksProgram.ts) under pulumi/examples azure-ts-aks's own tsconfig
 * (`skipLibCheck`, module nodenext), with TypeScript 5 on both sides (`--tsc ts-node`: TypeScript 7 only checks
 * where the program installs it, which public programs do not). Each side is a whole process tree as a user starts
 * it, run side by side in rotating order:
 *
 * - `check`: `aks-trusted-access check`, type-checking beside the run;
 * - `tsc`: `tsc --noEmit -p <tsconfig>` with the program's TypeScript;
 * - `checkTranspile`: `check` with type-checking off (`PULUMI_NODEJS_TRANSPILE_ONLY=true`), the other part of
 *   `check`'s time.
 */
import * as path from "path";
import { Comparison, Rounds, Timing, compare, median, runSideBySide, series, timing } from "../measure";
import { TreeSample, measureTree } from "../processTree";
import { PUBLIC_TSCONFIG } from "./aksProgram";

const REPO = path.resolve(__dirname, "..", "..");
const CLI = path.join(REPO, "cli", "bin", "aks-trusted-access.js");
const PACK = path.join(REPO, "cli", "dist", "policypack");

type Side = "check" | "tsc" | "checkTranspile";

export interface TscFigures {
  /** The tsconfig both sides use, in the program's folder. */
  readonly tsconfig: string;
  /** Each side's whole process tree: wall and CPU time, peak of the summed resident memory. */
  readonly sides: Readonly<Record<Side, { wallMs: Timing; cpuMs: Timing; peakMiB: number }>>;
  /** check ÷ tsc --noEmit: the target is the wall ratio (CPU is the whole of check: run, pack and type-check). */
  readonly checkVsTsc: { readonly wallMs: Comparison; readonly cpuMs: Comparison };
  /** check ÷ the slower of tsc --noEmit and check without type-checking, per round: the first figure. */
  readonly checkVsSlowerPart: number;
}

export async function benchAgainstTsc(
  programDir: string,
  options: { rounds: Rounds; log: (line: string) => void },
): Promise<TscFigures> {
  const env = { ...process.env, PULUMI_NODEJS_TSCONFIG_PATH: PUBLIC_TSCONFIG };
  const check = (extra: NodeJS.ProcessEnv, label: string) => () =>
    measureTree(process.execPath, [CLI, "check", programDir, "--tsc", "ts-node", "--policy-pack", PACK], {
      cwd: programDir,
      env: { ...env, ...extra },
      label,
    });
  // The program's TypeScript 5 as its package manager installed it (this repository's, through the symlink).
  const tsc = require.resolve("typescript/bin/tsc", { paths: [programDir] });
  options.log(`check-aks: check against tsc --noEmit (${PUBLIC_TSCONFIG}), whole processes`);
  const samples = await runSideBySide<Side, keyof TreeSample>(options.rounds, {
    check: check({ PULUMI_NODEJS_TRANSPILE_ONLY: "" }, "check"),
    tsc: () =>
      measureTree(process.execPath, [tsc, "--noEmit", "-p", PUBLIC_TSCONFIG], {
        cwd: programDir,
        env,
        label: "tsc --noEmit",
      }),
    checkTranspile: check({ PULUMI_NODEJS_TRANSPILE_ONLY: "true" }, "check, type-checking off"),
  });
  const side = (name: Side) => ({
    wallMs: timing(series(samples[name], "wallMs")),
    cpuMs: timing(series(samples[name], "cpuMs")),
    peakMiB: median(series(samples[name], "peakMiB")),
  });
  const wall = (name: Side) => series(samples[name], "wallMs");
  return {
    tsconfig: PUBLIC_TSCONFIG,
    sides: { check: side("check"), tsc: side("tsc"), checkTranspile: side("checkTranspile") },
    checkVsTsc: {
      wallMs: compare(wall("check"), wall("tsc")),
      cpuMs: compare(series(samples.check, "cpuMs"), series(samples.tsc, "cpuMs")),
    },
    checkVsSlowerPart: median(
      wall("check").map((ms, round) => ms / Math.max(wall("tsc")[round], wall("checkTranspile")[round])),
    ),
  };
}
