import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO } from "../support/builtPackage";
import { packPackages } from "../consumer/support/packedPackages";
import { ConsumerProject } from "./support/consumerProject";
import { steps } from "./support/engineEvents";
import { requireLanguageHost } from "./support/languageHost";
import { PulumiSandbox } from "./support/pulumiSandbox";
import { requireRealCli } from "./support/realCliTools";
import { yamlExampleStack } from "./support/yamlExample";

/** Packages of the commands' and the build's that a consumer's plugin must never install. */
const NOT_FOR_THE_PLUGIN = [
  "@azure/identity",
  "@pulumi/policy",
  "commander",
  "typescript",
  "mocha",
  "eslint",
];

/**
 * examples/yaml adding the packed component package, unpacked in a folder, as a team that takes the released package
 * rather than building the repository does: `pulumi package add <folder>`. Pulumi's `npm install` there must install
 * the plugin's peers and nothing else, and the plugin must serve the components from the compiled dist/.
 */
describe("pulumi package add of the packed component package, under the real CLI: the plugin installs only its peers", function () {
  this.timeout(600_000);
  let workDir: string;
  let pluginDir: string;
  let sandbox: PulumiSandbox;
  let project: ConsumerProject;

  before(async function () {
    const tools = requireRealCli(this, { networkIsolation: true });
    requireLanguageHost(this, tools, "yaml");
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-ta-packed-"));
    const tarball = packPackages(workDir)["aks-trusted-access"];
    pluginDir = path.join(workDir, "aks-trusted-access");
    fs.mkdirSync(pluginDir);
    execFileSync("tar", ["-xzf", tarball, "--strip-components=1", "-C", pluginDir]);
    // The sandbox has no registry: put the peers at the versions this repository develops with in place first, from
    // npm's cache, as a lock file would pin them. Pulumi's `npm install` then runs offline.
    const devDeps = (
      JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as {
        devDependencies: Record<string, string>;
      }
    ).devDependencies;
    execFileSync(
      "npm",
      [
        "install",
        "--prefer-offline",
        "--no-save",
        "--no-audit",
        "--no-fund",
        "--loglevel=error",
        ...["@pulumi/pulumi", "@pulumi/azure-native"].map((peer) => `${peer}@${devDeps[peer]}`),
      ],
      { cwd: pluginDir, stdio: "pipe" },
    );
    sandbox = await PulumiSandbox.create(tools);
    project = ConsumerProject.create("yaml", pluginDir);
  });
  after(() => {
    project?.dispose();
    sandbox?.dispose();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("adds the package: Pulumi's npm install in its folder leaves the two peers as its only packages", async () => {
    await project.packageAdd(sandbox);
    const topLevel = execFileSync("npm", ["ls", "--depth=0", "--parseable"], {
      cwd: pluginDir,
      encoding: "utf8",
    })
      .trim()
      .split("\n")
      .slice(1)
      .map((dir) => path.relative(path.join(pluginDir, "node_modules"), dir));
    assert.deepStrictEqual(topLevel.sort(), ["@pulumi/azure-native", "@pulumi/pulumi"]);
    const all = execFileSync("npm", ["ls", "--all", "--parseable"], { cwd: pluginDir, encoding: "utf8" });
    for (const name of NOT_FOR_THE_PLUGIN) {
      assert.ok(!all.includes(`/node_modules/${name}\n`), `${name} was installed for the plugin`);
    }
  });

  it("previews examples/yaml with the components served from the packed package's dist/", async () => {
    const stack = await yamlExampleStack(sandbox, project.dir);
    const preview = await sandbox.pulumi(["preview"], { cwd: project.dir });
    assert.strictEqual(preview.code, 0, preview.stdout + preview.stderr);
    const prefix = `urn:pulumi:${stack}::aks-trusted-access-yaml::`;
    const created = steps(preview.events).map((s) => `${s.op} ${s.urn.replace(prefix, "")}`);
    assert.ok(
      created.includes(
        "create aks-trusted-access:index:AksCluster$azure-native:containerservice:TrustedAccessRoleBinding::prod-ml",
      ),
      created.join("\n"),
    );
  });
});
