/**
 * `pulumi preview` of examples/yaml against its TypeScript twin under the real CLI, side by side: what a YAML team
 * pays for the remote path (pulumi-yaml's evaluator, our plugin started by Pulumi's Node.js host and constructing
 * the components over gRPC) against a TypeScript team running the same components in its own program. Same
 * resources, same arguments, each measured as a whole process tree (the CLI, its language host, the program or
 * plugin, the azure-native stand-in).
 *
 * The TypeScript side is a copy of the twin that imports the compiled package (dist/), as a user's program imports
 * it from node_modules. It runs twice per round: type-checked by Pulumi's ts-node, as a user's preview is by default,
 * and transpile-only, which leaves the cost of running the components (in-process against remote). The YAML side
 * runs after `pulumi package add`, which is not timed.
 */
import * as path from "path";
import { ConsumerProject } from "../../test/realCli/support/consumerProject";
import { ProgramCopy } from "../../test/realCli/support/programCopy";
import { PulumiSandbox, isolated } from "../../test/realCli/support/pulumiSandbox";
import { RealCliTools } from "../../test/realCli/support/realCliTools";
import { YAML_TWIN, yamlExampleStack } from "../../test/realCli/support/yamlExample";
import { REPO } from "../../test/support/builtPackage";
import { Comparison, Rounds, compare, runSideBySide, series } from "../measure";
import { TreeSample, measureTree } from "../processTree";

/** YAML preview ÷ TypeScript preview, per metric. */
export interface PreviewComparison {
  readonly wallMs: Comparison;
  readonly cpuMs: Comparison;
  readonly peakMiB: Comparison;
}

export interface YamlPreviewFigures {
  /** Against the TypeScript program type-checked, as a user's preview runs it by default. */
  readonly typeChecked: PreviewComparison;
  /** Against the TypeScript program transpiled only (`PULUMI_NODEJS_TRANSPILE_ONLY=true`). */
  readonly transpileOnly: PreviewComparison;
}

export async function benchYamlPreview(
  tools: RealCliTools,
  options: { rounds: Rounds; log: (line: string) => void },
): Promise<YamlPreviewFigures> {
  options.log("real-cli: pulumi preview of examples/yaml against its TypeScript twin");
  const [yamlSandbox, tsSandbox] = await Promise.all([
    PulumiSandbox.create(tools),
    PulumiSandbox.create(tools),
  ]);
  const yaml = ConsumerProject.create("yaml");
  const typescript = ProgramCopy.create(path.relative(REPO, path.join(YAML_TWIN, "index.ts")), "yaml-twin");
  try {
    typescript.edit(`from "${path.join(REPO, "index")}"`, `from "${path.join(REPO, "dist")}"`);
    await yaml.packageAdd(yamlSandbox);
    await Promise.all([yamlExampleStack(yamlSandbox, yaml.dir), yamlExampleStack(tsSandbox, typescript.dir)]);
    const preview = (dir: string, env: NodeJS.ProcessEnv, label: string) => () =>
      measureTree(...isolated("pulumi", ["preview", "--non-interactive"]), { cwd: dir, env, label });
    const samples = await runSideBySide<"yaml" | "typeChecked" | "transpileOnly", keyof TreeSample>(
      options.rounds,
      {
        yaml: preview(yaml.dir, yamlSandbox.env, "YAML pulumi preview"),
        typeChecked: preview(
          typescript.dir,
          { ...tsSandbox.env, PULUMI_NODEJS_TRANSPILE_ONLY: "" },
          "TypeScript pulumi preview",
        ),
        transpileOnly: preview(
          typescript.dir,
          { ...tsSandbox.env, PULUMI_NODEJS_TRANSPILE_ONLY: "true" },
          "TypeScript pulumi preview, transpile-only",
        ),
      },
    );
    const against = (baseline: "typeChecked" | "transpileOnly"): PreviewComparison => {
      const side = (metric: keyof TreeSample) =>
        compare(series(samples.yaml, metric), series(samples[baseline], metric));
      return { wallMs: side("wallMs"), cpuMs: side("cpuMs"), peakMiB: side("peakMiB") };
    };
    return { typeChecked: against("typeChecked"), transpileOnly: against("transpileOnly") };
  } finally {
    yaml.dispose();
    typescript.dispose();
    yamlSandbox.dispose();
    tsSandbox.dispose();
  }
}
