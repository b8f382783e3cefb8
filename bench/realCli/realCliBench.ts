/**
 * `check` against `pulumi preview --policy-pack` under the real CLI (with the azure-native stand-in), on the same
 * program, side by side: what a team weighs when it chooses `check` for a pull request gate. Both type-check the
 * program (each as a user runs it) and both run the compiled pack; each is measured as a whole process tree.
 */
import * as fs from "fs";
import * as path from "path";
import { PulumiSandbox, isolated } from "../../test/realCli/support/pulumiSandbox";
import { realCliTools } from "../../test/realCli/support/realCliTools";
import { writeAksProgram } from "../check/aksProgram";
import { Comparison, Rounds, compare, runSideBySide, series } from "../measure";
import { TreeSample, measureTree } from "../processTree";
import { YamlPreviewFigures, benchYamlPreview } from "./yamlPreviewBench";

const REPO = path.resolve(__dirname, "..", "..");
const CLI = path.join(REPO, "cli", "bin", "aks-trusted-access.js");
const PACK = path.join(REPO, "cli", "dist", "policypack");

export interface RealCliProgramFigures {
  readonly program: string;
  /** check ÷ pulumi preview, per metric. */
  readonly wallMs: Comparison;
  readonly cpuMs: Comparison;
  readonly peakMiB: Comparison;
}

export interface RealCliFigures {
  /** Why the section did not run (no Pulumi CLI here), else undefined. */
  readonly notRun?: string;
  readonly programs: readonly RealCliProgramFigures[];
  /** `pulumi preview` of examples/yaml ÷ of its TypeScript twin; absent where the CLI has no YAML host. */
  readonly yamlPreview?: YamlPreviewFigures;
  /** Why the YAML comparison did not run, else undefined. */
  readonly yamlNotRun?: string;
}

export async function benchRealCli(options: {
  sizes: readonly number[];
  rounds: Rounds;
  log: (line: string) => void;
}): Promise<RealCliFigures> {
  const tools = realCliTools();
  if (typeof tools === "string") {
    options.log(`real-cli: not run: ${tools}`);
    return { notRun: tools, programs: [] };
  }
  const sandbox = await PulumiSandbox.create(tools);
  const programs: RealCliProgramFigures[] = [];
  try {
    programs.push(await benchProgram(sandbox, "examples/basic", REPO, options));
    for (const size of options.sizes) {
      const program = writeAksProgram(size);
      try {
        programs.push(await benchProgram(sandbox, `${size} AksClusters`, program.dir, options));
      } finally {
        program.remove();
      }
    }
  } finally {
    sandbox.dispose();
  }
  if (!fs.existsSync(path.join(tools.binDir, "pulumi-language-yaml"))) {
    const yamlNotRun = `${tools.binDir} has no pulumi-language-yaml (npm run pulumi:cli builds it)`;
    options.log(`real-cli: YAML against TypeScript: not run: ${yamlNotRun}`);
    return { programs, yamlNotRun };
  }
  return { programs, yamlPreview: await benchYamlPreview(tools, options) };
}

async function benchProgram(
  sandbox: PulumiSandbox,
  program: string,
  dir: string,
  options: { rounds: Rounds; log: (line: string) => void },
): Promise<RealCliProgramFigures> {
  options.log(`real-cli: ${program}`);
  await sandbox.initStack(dir);
  // Pulumi's ts-node type-checks the program, as a user's preview does.
  const previewEnv = { ...sandbox.env, PULUMI_NODEJS_TRANSPILE_ONLY: "" };
  const samples = await runSideBySide<"check" | "preview", keyof TreeSample>(options.rounds, {
    check: () =>
      measureTree(process.execPath, [CLI, "check", dir, "--policy-pack", PACK], { cwd: dir, label: "check" }),
    preview: () =>
      measureTree(...isolated("pulumi", ["preview", "--policy-pack", PACK, "--non-interactive"]), {
        cwd: dir,
        env: previewEnv,
        label: "pulumi preview",
      }),
  });
  const side = (metric: keyof TreeSample) =>
    compare(series(samples.check, metric), series(samples.preview, metric));
  return { program, wallMs: side("wallMs"), cpuMs: side("cpuMs"), peakMiB: side("peakMiB") };
}
