/**
 * One measured run on an AKS-shaped program (aksProgram.ts), in a fresh process as a user's run is:
 *
 *   node [node flags] -r ts-node/register/transpile-only bench/check/aksChild.ts <mode> <program-dir>
 *
 * - `check`: `check` as a user runs it (its `runCheck`, the default pack), type-checked beside the run.
 * - `check-transpile`: the same with type-checking off (`PULUMI_NODEJS_TRANSPILE_ONLY=true`).
 * - `typecheck`: the type-check alone, in this process: what check's separate checker does.
 * - `check-native`, `typecheck-native`: `check`, and the type-check alone, with TypeScript 7's native tsc (this
 *   repository's typescript7), under the program's tsconfig with the module options TypeScript 7 kept;
 * - `typecheck-nodenext`: the type-check alone with TypeScript 5 under that same tsconfig, for the ratio.
 * - `mocks`: the program under Pulumi's mocks alone — `setMocks`, ts-node transpile-only, nothing else — the floor
 *   of item 2 of issue 10.
 *
 * Prints one JSON line of {@link AksChildResult}.
 */
import { createRequire } from "module";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as settingsModule from "@pulumi/pulumi/runtime/settings";
import type * as CheckModule from "../../cli/check";
import { readPulumiProject } from "../../cli/check/program/pulumiProject";
import { resolveProgramMain } from "../../cli/check/program/programMain";
import { loadProgramSdk } from "../../cli/check/program/programSdk";
import { chooseCompiler } from "../../cli/check/program/nativeCompiler";
import { startNativeTypeCheck } from "../../cli/check/program/nativeTypeCheck";
import { typeCheck } from "../../cli/check/program/typeCheckWorker";
import { NATIVE_TSCONFIG } from "./aksProgram";
import { typescriptSettings } from "../../cli/check/program/typescriptSettings";

export const AKS_MODES = [
  "check",
  "check-transpile",
  "typecheck",
  "mocks",
  "check-native",
  "typecheck-native",
  "typecheck-nodenext",
] as const;
export type AksMode = (typeof AKS_MODES)[number];

export interface AksChildResult {
  readonly mode: AksMode;
  /** From the start of the work (this process already loaded), in milliseconds. */
  readonly totalMs: number;
  /** This process's peak resident memory, in MiB. */
  readonly peakMiB: number;
  /** `check`: the separate type-check process's peak, in MiB. */
  readonly typeCheckPeakMiB: number | null;
  /** `check`: the separate type-check's own wall time. */
  readonly typeCheckMs: number | null;
  readonly resources: number | null;
  readonly verdict: string | null;
  /** `check`, `typecheck`: the compiler's diagnostics, to compare across modes (none for a clean program). */
  readonly diagnostics: string | null;
}

const DIST = path.resolve(__dirname, "..", "..", "cli", "dist");
const COMPILED_PACK = path.join(DIST, "policypack");
/**
 * `check` as installed: compiled (aksBench brings cli/dist/ up to date first). From its sources, ts-node would compile
 * the modules `check` loads while it runs, inside the timed part, which no user pays.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build, by path, typed as its sources
const { runCheck } = require(path.join(DIST, "cli", "check")) as typeof CheckModule;
const quiet = { update: (): void => undefined, clear: (): void => undefined };
const { waitForRPCs } = settingsModule as unknown as { waitForRPCs(): Promise<void> };

async function measure(mode: AksMode, programDir: string): Promise<Omit<AksChildResult, "peakMiB">> {
  const started = performance.now();
  const none = {
    typeCheckPeakMiB: null,
    typeCheckMs: null,
    resources: null,
    verdict: null,
    diagnostics: null,
  };
  const REPO = path.resolve(__dirname, "..", "..");
  const native = chooseCompiler(REPO, undefined).native;
  if (mode.endsWith("native") || mode.endsWith("nodenext")) {
    if (native === undefined)
      throw new Error(`${mode}: this repository's TypeScript 7 (typescript7) is missing`);
    process.env["PULUMI_NODEJS_TSCONFIG_PATH"] = NATIVE_TSCONFIG;
  }
  switch (mode) {
    case "check-transpile":
    case "check-native":
    case "check": {
      if (mode === "check-transpile") process.env["PULUMI_NODEJS_TRANSPILE_ONLY"] = "true";
      // check and check-transpile: ts-node's TypeScript, as before TypeScript 7; check-native: its tsc.
      const tsc = mode === "check-native" ? native?.executable : "ts-node";
      // The compiled pack, as an installed check runs it.
      const policyPacks = [COMPILED_PACK];
      const { report, timings } = await runCheck(
        { programDir, policyPacks, policyPackConfigs: [], tsc },
        quiet,
      );
      if (mode === "check-native" && report.typeCheck?.compiler !== "tsc") {
        throw new Error(`check-native: not checked by TypeScript 7: ${JSON.stringify(report.typeCheck)}`);
      }
      return {
        mode,
        totalMs: performance.now() - started,
        typeCheckPeakMiB: timings.typeCheckPeakMiB ?? null,
        typeCheckMs: timings.typeCheck ?? null,
        resources: report.resources.length,
        verdict: report.verdict,
        diagnostics: null,
      };
    }
    case "typecheck-native": {
      const project = readPulumiProject(programDir);
      const settings = typescriptSettings(project.dir, loadProgramSdk(project.dir).root);
      const request = { settings, mainFile: path.join(project.dir, "index.ts"), pretty: false };
      if (native === undefined) throw new Error("unreachable: checked above");
      const outcome = await startNativeTypeCheck(request, native).outcome;
      if (outcome.kind !== "checked") throw new Error(`typecheck-native fell back: ${outcome.note}`);
      return {
        ...none,
        mode,
        totalMs: performance.now() - started,
        diagnostics: outcome.answer.diagnostics ?? null,
      };
    }
    case "typecheck-nodenext":
    case "typecheck": {
      const project = readPulumiProject(programDir);
      const settings = typescriptSettings(project.dir, loadProgramSdk(project.dir).root);
      const answer = typeCheck({
        settings,
        mainFile: path.join(project.dir, "index.ts"),
        pretty: false,
      });
      return { ...none, mode, totalMs: performance.now() - started, diagnostics: answer.diagnostics ?? null };
    }
    case "mocks": {
      let resources = 0;
      await pulumi.runtime.setMocks(
        {
          newResource: (args) => {
            resources += 1;
            return { id: `${args.name}-id`, state: args.inputs };
          },
          call: (args) => args.inputs,
        },
        "aks-bench",
        "bench",
        true,
      );
      process.chdir(programDir);
      const main = resolveProgramMain(readPulumiProject(programDir));
      createRequire(main)(main);
      await waitForRPCs();
      return { ...none, mode, totalMs: performance.now() - started, resources };
    }
  }
}

const [mode, programDir] = process.argv.slice(2);
if (!(AKS_MODES as readonly string[]).includes(mode) || programDir === undefined) {
  process.stderr.write(
    `usage: aksChild.ts ${AKS_MODES.join("|")} <program-dir> (got ${process.argv.slice(2).join(" ")})\n`,
  );
  process.exit(2);
}
measure(mode as AksMode, path.resolve(programDir)).then(
  (result) => {
    const peakMiB = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stdout.write(`${JSON.stringify({ ...result, peakMiB })}\n`);
    // Pulumi's runtime may keep handles open after a mocked run; the measurement is done.
    process.exit(0);
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
