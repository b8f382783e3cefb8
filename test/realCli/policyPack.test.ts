import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CLI_PACK, REPO, SHIPPED_PACK } from "../support/builtPackage";
import { policyEvents } from "./support/engineEvents";
import { PulumiSandbox } from "./support/pulumiSandbox";
import { RealCliTools, requireRealCli } from "./support/realCliTools";

const WITHOUT_BINDING = path.join(REPO, "test/check/fixtures/cluster-without-binding");
const NODE_OS_NONE = path.join(REPO, "test/realCli/fixtures/node-os-none");
const PACKS = [
  { name: "package, as it ships (policypack/, main: dist/policypack/index.js)", dir: SHIPPED_PACK },
  { name: "copy the commands run (cli/dist/policypack)", dir: CLI_PACK },
];

for (const pack of PACKS) {
  describe(`pulumi preview --policy-pack with the pack ${pack.name}, under the real CLI`, function () {
    this.timeout(180_000);
    let tools: RealCliTools;
    const sandboxes: PulumiSandbox[] = [];
    before(function () {
      tools = requireRealCli(this);
    });
    after(() => sandboxes.forEach((s) => s.dispose()));

    /** A preview of the program in `dir` on a new stack of a sandbox of its own, with the pack. */
    async function preview(dir: string, extraArgs: string[] = []) {
      const sandbox = await PulumiSandbox.create(tools);
      sandboxes.push(sandbox);
      await sandbox.initStack(dir);
      return sandbox.pulumi(["preview", "--policy-pack", pack.dir, ...extraArgs], { cwd: dir });
    }

    it("passes examples/basic, reporting as advisory each check it cannot run before deployment", async () => {
      const run = await preview(REPO);
      assert.strictEqual(run.code, 0, run.stdout + run.stderr);
      const events = policyEvents(run.events);
      const skipped = events.filter((e) => e.message.startsWith("can't run policy"));
      // azure-native's preview gives every property the program left unset as unknown (docs/real-cli.md): the
      // stack policies that read one skip, and only Azure ML's powerful role is judged.
      const stack = `aks-trusted-access-basic-${stackOf(run.stdout)}`;
      assert.deepStrictEqual(
        skipped.map((e) => [e.policyName, e.enforcementLevel, e.resourceUrn?.split("::").pop()]).sort(),
        [
          ["aks-kms-private-key-vault", "advisory", stack],
          ["aks-node-os-auto-upgrade", "advisory", stack],
          ["aks-node-pool-fips", "advisory", stack],
          ["aks-private-cluster", "advisory", stack],
          ["aks-trusted-access-binding-limits", "advisory", stack],
          ["aks-trusted-access-binding-valid", "advisory", "aks-backup"],
          ["aks-trusted-access-binding-valid", "advisory", "aks-ml"],
          ["aks-trusted-access-required", "advisory", stack],
        ],
      );
      assert.deepStrictEqual(
        events.filter((e) => !skipped.includes(e)).map((e) => [e.policyName, e.enforcementLevel]),
        [["aks-trusted-access-privileged-roles", "advisory"]],
      );
      assert.match(
        run.stdout,
        /during preview: values known only after deployment, so these checks were skipped/,
      );
    });

    it("fails a stack whose cluster has no binding, naming the policy and the cluster", async () => {
      const run = await preview(WITHOUT_BINDING);
      assert.notStrictEqual(run.code, 0, run.stdout);
      const mandatory = policyEvents(run.events).filter((e) => e.enforcementLevel === "mandatory");
      assert.deepStrictEqual(
        mandatory.map((e) => [e.policyName, e.resourceUrn?.split("::").pop()]),
        [["aks-trusted-access-required", "aks"]],
      );
      assert.match(
        run.stdout,
        /\[mandatory\].*aks-trusted-access-required\s+\(azure-native:containerservice:ManagedCluster: aks\)/,
      );
      assert.match(run.stdout, /AKS cluster "aks" .*has no Trusted Access role binding in this stack/);
    });

    it("reports a related rule as advisory, and fails on it once --policy-pack-config makes it mandatory", async () => {
      const advisory = await preview(NODE_OS_NONE);
      assert.strictEqual(advisory.code, 0, advisory.stdout);
      const configDir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-ta-config-"));
      const config = path.join(configDir, "policy.json");
      fs.writeFileSync(config, JSON.stringify({ "aks-node-os-auto-upgrade": "mandatory" }));
      const mandatory = await preview(NODE_OS_NONE, ["--policy-pack-config", config]).finally(() =>
        fs.rmSync(configDir, { recursive: true, force: true }),
      );
      assert.notStrictEqual(mandatory.code, 0, mandatory.stdout);
      const judged = (run: typeof advisory) =>
        policyEvents(run.events)
          .filter((e) => e.policyName === "aks-node-os-auto-upgrade")
          .map((e) => [e.enforcementLevel, e.resourceUrn?.split("::").pop()]);
      assert.deepStrictEqual(
        [judged(advisory), judged(mandatory)],
        [[["advisory", "aks"]], [["mandatory", "aks"]]],
      );
    });
  });
}

/** The stack's name, from the first line of a preview ("Previewing update (<stack>):"). */
function stackOf(stdout: string): string {
  return /Previewing update \(([^)]+)\)/.exec(stdout)?.[1] ?? "";
}
