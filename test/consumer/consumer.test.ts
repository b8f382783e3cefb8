import * as assert from "assert";
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { InstallFootprint, addedPackages, installFootprint } from "./support/installFootprint";
import { packPackages } from "./support/packedPackages";

const repo = path.resolve(__dirname, "../..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

interface Registered {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

// What this proves: the packed tarballs hold everything a consumer needs (compiled JS, types, the role data), the
// component package brings nothing beyond its peers, and the peers resolve to the consumer's own @pulumi packages.
// What it does not prove: that the registry's newest @pulumi releases work — the consumer pins the versions this repo
// develops with, from npm's cache.
describe("a consumer installing the packed tarballs", function () {
  this.timeout(300_000);
  let consumer: string;
  let registered: Registered[];
  let withPeers: InstallFootprint;
  let withComponents: InstallFootprint;

  before(() => {
    consumer = fs.mkdtempSync(path.join(os.tmpdir(), "aks-ta-consumer-"));
    const packed = packPackages(consumer);
    const tarball = (name: string) => {
      assert.ok(packed[name], `npm pack made no ${name} tarball: ${Object.keys(packed).join(", ")}`);
      return `file:${packed[name]}`;
    };
    const devDeps = JSON.parse(fs.readFileSync(path.join(repo, "package.json"), "utf8")).devDependencies;
    const install = (dependencies: Record<string, string>) => {
      fs.writeFileSync(
        path.join(consumer, "package.json"),
        JSON.stringify({ name: "consumer", private: true, dependencies }),
      );
      execFileSync(npm, ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], {
        cwd: consumer,
        stdio: "pipe",
      });
    };
    const peers = {
      "@pulumi/pulumi": devDeps["@pulumi/pulumi"],
      "@pulumi/azure-native": devDeps["@pulumi/azure-native"],
    };
    install(peers);
    withPeers = installFootprint(consumer);
    install({ ...peers, "aks-trusted-access": tarball("aks-trusted-access") });
    withComponents = installFootprint(consumer);
    install({
      ...peers,
      "aks-trusted-access": tarball("aks-trusted-access"),
      "aks-trusted-access-cli": tarball("aks-trusted-access-cli"),
      "aks-trusted-access-policypack": tarball("aks-trusted-access-policypack"),
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

  it("adds only itself to a project that has its peers: the component package depends on nothing else", () => {
    assert.deepStrictEqual(addedPackages(withPeers, withComponents), ["node_modules/aks-trusted-access"]);
    // Its compiled components, plugin, domain and role data; the commands' and the pack's dependencies stay out.
    assert.ok(
      withComponents.bytes - withPeers.bytes < 2_000_000,
      `${withComponents.bytes - withPeers.bytes} bytes`,
    );
  });

  // `npx aks-trusted-access check` in a JavaScript project without TypeScript: the commands' compiled copy of the pack
  // runs, as the Pulumi CLI would start it from node_modules.
  const check = (stack: string, ...args: string[]) =>
    spawnSync(npx, ["aks-trusted-access", "check", stack, ...args], { cwd: consumer, encoding: "utf8" });

  it("checks a compliant JavaScript stack with the shipped pack: exit 0", () => {
    const run = check("compliant");
    assert.strictEqual(run.status, 0, run.stderr);
    assert.match(
      run.stdout,
      /aks-trusted-access@v0\.1\.0 \(local: node_modules\/aks-trusted-access-cli\/dist\/policypack\)/,
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

  it("runs the installed policy pack package, as `pulumi preview --policy-pack` would: the same failure", () => {
    const run = check("uncovered", "--policy-pack", "node_modules/aks-trusted-access-policypack");
    assert.strictEqual(run.status, 1, run.stderr);
    assert.match(
      run.stdout,
      /aks-trusted-access@v0\.1\.0 \(local: node_modules\/aks-trusted-access-policypack\)/,
    );
    assert.match(run.stdout, /\[mandatory\] +aks-trusted-access-required/);
  });

  it("ships the component package's manifest without the repository's devDependencies, scripts and workspaces", () => {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(consumer, "node_modules", "aks-trusted-access", "package.json"), "utf8"),
    ) as Record<string, unknown>;
    assert.deepStrictEqual(
      ["devDependencies", "scripts", "workspaces", "dependencies"].filter((key) => key in manifest),
      [],
    );
    assert.deepStrictEqual(Object.keys(manifest.peerDependencies as object).sort(), [
      "@pulumi/azure-native",
      "@pulumi/pulumi",
    ]);
  });

  it("ships compiled code only: no sources, tests or node_modules, and each package only its own part", () => {
    const installed = (name: string) => path.join(consumer, "node_modules", name);
    const top = (name: string) => fs.readdirSync(installed(name)).sort();
    assert.deepStrictEqual(top("aks-trusted-access"), [
      "PulumiPlugin.yaml",
      "README.md",
      "dist",
      "package.json",
    ]);
    assert.deepStrictEqual(fs.readdirSync(path.join(installed("aks-trusted-access"), "dist")).sort(), [
      "components",
      "domain",
      "index.d.ts",
      "index.js",
      "plugin",
    ]);
    assert.deepStrictEqual(top("aks-trusted-access-policypack"), [
      "PulumiPolicy.yaml",
      "README.md",
      "dist",
      "package.json",
    ]);
    assert.deepStrictEqual(top("aks-trusted-access-cli"), ["README.md", "bin", "dist", "package.json"]);
  });
});
