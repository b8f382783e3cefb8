import * as assert from "assert";
import * as path from "path";
import { runCli } from "../check/support/runCli";
import { REPO, SHIPPED_PACK } from "../support/builtPackage";
import { PulumiSandbox } from "./support/pulumiSandbox";
import { RealCliTools, requireRealCli } from "./support/realCliTools";
import { checkVerdict, disagreements, previewVerdict } from "./support/verdicts";

/**
 * `check` claims to give the verdict `pulumi preview --policy-pack` gives. Here both run on the same programs, the
 * pack compiled as it ships, and must agree on every violation (policy, resource, enforcement level), on every
 * check skipped for a value known only after deployment (policy, resource), and on failing or passing — with one
 * documented exception (docs/check.md, "What it cannot know"; {@link disagreements}): a check the preview skips because
 * azure-native reports a property the program left unset as unknown, `check` judges, as the pack will once Azure has
 * answered. examples/basic must show the exception, so that a stand-in that stops modelling it cannot pass
 * unnoticed. The stand-in shares check's model of azure-native's autonaming (azureNativeAutonames.ts), so a
 * mistake there would not show here.
 *
 * Left out: the fixtures that do not compile, throw or never finish (they test check's error reports, which have no
 * preview counterpart).
 */
const LEGACY_CLUSTER =
  "/subscriptions/00000000-0000-0000-0000-000000000001/resourceGroups/rg-old/providers/" +
  "Microsoft.ContainerService/managedClusters/legacy";
const LEGACY_INPUTS = { resourceGroupName: "rg-old", resourceName: "legacy", location: "westeurope" };
const PROGRAMS: {
  dir: string;
  config?: string[];
  /** Providers besides azure-native that the program uses, served by the stand-in. */
  plugins?: [string, string][];
  /** Whether the preview skips, for unset properties, checks that check judges (asserted either way). */
  showsException?: boolean;
  /** What Azure already holds, for a program that reads a resource. */
  azure?: Parameters<PulumiSandbox["seedAzure"]>[0];
}[] = [
  { dir: ".", showsException: true },
  { dir: "test/check/fixtures/api-versions" },
  { dir: "test/check/fixtures/binding-limits", showsException: true },
  { dir: "test/check/fixtures/classic-provider", plugins: [["azure", "6.0.0"]] },
  { dir: "test/check/fixtures/client-config", plugins: [["azure", "6.0.0"]], showsException: true },
  { dir: "test/check/fixtures/cluster-without-binding" },
  {
    dir: "test/check/fixtures/config-and-secrets",
    showsException: true,
    config: [
      "clusterName=aks-dev",
      "nodeCount=2",
      "mlWorkspaceId=/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/ml/providers/" +
        "Microsoft.MachineLearningServices/workspaces/ml",
    ],
  },
  { dir: "test/check/fixtures/invalid-binding", showsException: true },
  { dir: "test/check/fixtures/native-compiles" },
  {
    dir: "test/check/fixtures/recording",
    showsException: true,
    azure: {
      [LEGACY_CLUSTER.toLowerCase()]: {
        type: "azure-native:containerservice:ManagedCluster",
        inputs: LEGACY_INPUTS,
        outputs: {
          name: "legacy",
          type: "Microsoft.ContainerService/managedClusters",
          location: "westeurope",
          __inputs: LEGACY_INPUTS,
        },
      },
    },
  },
  { dir: "test/check/fixtures/skipped-checks" },
  { dir: "test/check/fixtures/user-assigned-identity", showsException: true },
  { dir: "test/realCli/fixtures/node-os-none", showsException: true },
];

describe("check gives the verdict of pulumi preview --policy-pack under the real CLI", function () {
  this.timeout(120_000);
  const sandboxes: PulumiSandbox[] = [];
  after(() => sandboxes.forEach((s) => s.dispose()));

  let tools: RealCliTools;
  before(function () {
    tools = requireRealCli(this);
  });

  for (const program of PROGRAMS) {
    const name = program.dir === "." ? "examples/basic" : path.basename(program.dir);
    it(`agrees on ${name}`, async () => {
      const sandbox = await PulumiSandbox.create(tools);
      sandboxes.push(sandbox);
      for (const [plugin, version] of program.plugins ?? []) await sandbox.installStandin(plugin, version);
      if (program.azure) sandbox.seedAzure(program.azure);
      const dir = path.join(REPO, program.dir);
      const config = (program.config ?? []).flatMap((c) => ["-c", c]);
      const [checked, previewed] = await Promise.all([
        runCli(["check", dir, "--policy-pack", SHIPPED_PACK, "--output", "json", ...config]),
        sandbox
          .initStack(dir)
          .then(() => sandbox.pulumi(["preview", "--policy-pack", SHIPPED_PACK, ...config], { cwd: dir })),
      ]);
      assert.notStrictEqual(checked.code, 2, checked.stderr);
      const preview = previewVerdict(previewed.events, previewed.code);
      if (preview.failed && preview.violations.every((v) => !v.endsWith("| mandatory"))) {
        assert.fail(
          `pulumi preview failed without a mandatory violation:\n${previewed.stdout}${previewed.stderr}`,
        );
      }
      const verdict = checkVerdict(checked.stdout, checked.code);
      assert.deepStrictEqual(
        disagreements(verdict, preview),
        [],
        JSON.stringify({ check: verdict, preview }, null, 2),
      );
      const judgedOnlyByCheck = verdict.violations.filter((v) => !preview.violations.includes(v));
      assert.strictEqual(
        judgedOnlyByCheck.length > 0,
        program.showsException === true,
        judgedOnlyByCheck.join("\n"),
      );
    });
  }
});
