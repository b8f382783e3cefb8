import * as assert from "assert";
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const repo = path.resolve(__dirname, "../..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

// What this proves: the packed tarball holds everything a consumer needs (compiled JS, types, the role data) and
// its peer dependencies resolve to the consumer's own @pulumi packages. What it does not prove: that the registry's
// newest @pulumi releases work — the consumer pins the versions this repo develops with, from npm's cache.
describe("a consumer installing the packed tarball", function () {
  this.timeout(300_000);
  let consumer: string;
  let registered: Registered[];

  before(() => {
    consumer = fs.mkdtempSync(path.join(os.tmpdir(), "aks-ta-consumer-"));
    const packed = execFileSync(npm, ["pack", "--silent", "--pack-destination", consumer], {
      cwd: repo,
      encoding: "utf8",
    });
    const tarball = path.join(consumer, packed.trim().split("\n").pop() as string);
    const devDeps = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")).devDependencies;
    fs.writeFileSync(
      path.join(consumer, "package.json"),
      JSON.stringify({
        name: "consumer",
        private: true,
        dependencies: {
          "aks-trusted-access": `file:${tarball}`,
          "@pulumi/pulumi": devDeps["@pulumi/pulumi"],
          "@pulumi/azure-native": devDeps["@pulumi/azure-native"],
        },
      }),
    );
    execFileSync(npm, ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd: consumer,
      stdio: "pipe",
    });
    fs.copyFileSync(path.join(__dirname, "program.js"), path.join(consumer, "program.js"));
    for (const stack of ["compliant", "uncovered"]) {
      fs.cpSync(path.join(__dirname, stack), path.join(consumer, stack), { recursive: true });
    }
    registered = JSON.parse(execFileSync("node", ["program.js"], { cwd: consumer, encoding: "utf8" }));
  });

  after(() => fs.rmSync(consumer, { recursive: true, force: true }));

  it("gets a cluster with a system-assigned identity, its binding and its node OS window from JavaScript", () => {
    // The binding and the window both wait for the cluster's name: they register in either order.
    assert.deepStrictEqual(
      registered.map((r) => [r.type, r.name]).sort((a, b) => a.join().localeCompare(b.join())),
      [
        ["aks-trusted-access:index:AksCluster", "prod"],
        ["azure-native:containerservice:MaintenanceConfiguration", "prod-node-os-window"],
        ["azure-native:containerservice:ManagedCluster", "prod"],
        ["azure-native:containerservice:TrustedAccessRoleBinding", "prod-ml"],
      ],
    );
    const of = (type: string) => registered.find((r) => r.type === `azure-native:containerservice:${type}`);
    assert.deepStrictEqual(of("ManagedCluster")?.inputs.identity, { type: "SystemAssigned" });
    assert.deepStrictEqual(of("TrustedAccessRoleBinding")?.inputs.roles, [
      "Microsoft.MachineLearningServices/workspaces/mlworkload",
      "Microsoft.MachineLearningServices/workspaces/inference-v1",
    ]);
  });

  // `npx aks-trusted-access check` in a JavaScript project without TypeScript: the compiled pack shipped in dist/
  // runs, as the Pulumi CLI would start it from node_modules.
  const check = (stack: string) =>
    spawnSync(npx, ["aks-trusted-access", "check", stack], { cwd: consumer, encoding: "utf8" });

  it("checks a compliant JavaScript stack with the shipped pack: exit 0", () => {
    const run = check("compliant");
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(
      run.stdout,
      /aks-trusted-access@v0\.1\.0 \(local: node_modules\/aks-trusted-access\/dist\/policypack\)/,
    );
    // The binding names its cluster by the cluster's name, which Azure returns only after deployment.
    assert.match(
      run.stdout,
      /\n1 check skipped: values known only after deployment \(1 mandatory, 0 advisory\)\.\nPASSED, but 1 check of mandatory policies could not run: no mandatory policy is violated by the values known before deployment\.\n$/,
    );
  });

  it("fails a stack whose cluster has no binding: exit 1, the cluster named", () => {
    const run = check("uncovered");
    assert.strictEqual(run.status, 1, run.stderr);
    assert.match(run.stdout, /\[mandatory\] +aks-trusted-access-required/);
    assert.match(
      run.stdout,
      /AKS cluster "legacy" \(Azure name "legacy-aks"\) has no Trusted Access role binding in this stack/,
    );
  });

  it("does not ship the policy pack's node_modules or the tests", () => {
    const installed = path.join(consumer, "node_modules", "aks-trusted-access");
    assert.strictEqual(fs.existsSync(path.join(installed, "test")), false);
    assert.strictEqual(fs.existsSync(path.join(installed, "policypack", "node_modules")), false);
    assert.strictEqual(fs.existsSync(path.join(installed, "policypack", "index.ts")), true);
  });
});
