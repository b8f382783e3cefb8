import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO, SHIPPED_PACK } from "../support/builtPackage";
import { policyEvents } from "./support/engineEvents";
import { PulumiSandbox } from "./support/pulumiSandbox";
import { RealCliTools, requireRealCli } from "./support/realCliTools";

const WITHOUT_BINDING = path.join(REPO, "test/check/fixtures/cluster-without-binding");
const PACKS = [
  { name: "compiled, as it ships (dist/policypack)", dir: SHIPPED_PACK },
  { name: "from its TypeScript sources (policypack/)", dir: path.join(REPO, "policypack") },
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

    it("passes examples/basic, and reports a check it cannot run before deployment as advisory", async () => {
      const run = await preview(REPO);
      assert.strictEqual(run.code, 0, run.stdout + run.stderr);
      const skipped = policyEvents(run.events).filter((e) => e.message.startsWith("can't run policy"));
      assert.deepStrictEqual(
        skipped.map((e) => [e.policyName, e.enforcementLevel, e.resourceUrn?.split("::").pop()]).sort(),
        [
          [
            "aks-trusted-access-binding-limits",
            "advisory",
            "aks-trusted-access-basic-" + stackOf(run.stdout),
          ],
          ["aks-trusted-access-binding-valid", "advisory", "aks-backup"],
          ["aks-trusted-access-binding-valid", "advisory", "aks-ml"],
        ],
      );
      assert.match(
        run.stdout,
        /during preview: values known only after deployment, so these checks were skipped/,
      );
      assert.ok(policyEvents(run.events).every((e) => e.enforcementLevel !== "mandatory"));
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

    it("fails examples/basic when --policy-pack-config makes the KMS rule mandatory", async () => {
      const config = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "aks-ta-config-")), "policy.json");
      fs.writeFileSync(config, JSON.stringify({ "aks-kms-private-key-vault": "mandatory" }));
      const run = await preview(REPO, ["--policy-pack-config", config]);
      assert.notStrictEqual(run.code, 0, run.stdout);
      const mandatory = policyEvents(run.events).filter((e) => e.enforcementLevel === "mandatory");
      assert.deepStrictEqual(
        mandatory.map((e) => [e.policyName, e.resourceUrn?.split("::").pop()]),
        [["aks-kms-private-key-vault", "aks"]],
      );
    });
  });
}

/** The stack's name, from the first line of a preview ("Previewing update (<stack>):"). */
function stackOf(stdout: string): string {
  return /Previewing update \(([^)]+)\)/.exec(stdout)?.[1] ?? "";
}
