import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO } from "../support/builtPackage";
import { PulumiSandbox } from "./support/pulumiSandbox";
import { RealCliTools, requireRealCli } from "./support/realCliTools";

/**
 * The version of the Java language plugin that CLI v3.276.0 asks for: Java is no longer bundled with the CLI, so it
 * looks the plugin up at this pinned version (pkg/util/plugin.go, knownLanguageRuntimes) in the plugin cache.
 */
const JAVA_PLUGIN_VERSION = "1.39.0";

const AKS_CLUSTER_JAVA = "src/main/java/com/pulumi/akstrustedaccess/AksCluster.java";

// `pulumi package gen-sdk` of this repository for .NET and Java, offline, with our SDK-generating hosts (Pulumi's
// .NET generator, pulumi-java's Java generator). It binds our schema against the azure-native stand-in's, so the
// generated classes name azure-native's own .NET and Java types. What it does not prove: that the SDKs compile
// (NuGet cannot be reached; see docs/languages.md for Java).
describe("pulumi package gen-sdk of this repository for .NET and Java", function () {
  this.timeout(180_000);
  let tools: RealCliTools;
  let sandbox: PulumiSandbox;
  let out: string;

  before(async function () {
    tools = requireRealCli(this, { networkIsolation: true });
    sandbox = await PulumiSandbox.create(tools);
    const install = await sandbox.pulumi(
      [
        "plugin",
        "install",
        "language",
        "java",
        JAVA_PLUGIN_VERSION,
        "--file",
        path.join(tools.binDir, "pulumi-language-java"),
      ],
      { cwd: sandbox.dir },
    );
    assert.strictEqual(install.code, 0, install.stderr);
    out = fs.mkdtempSync(path.join(os.tmpdir(), "aks-ta-gensdk-"));
  });
  after(() => {
    sandbox?.dispose();
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  const genSdk = async (language: string): Promise<string> => {
    const dir = path.join(out, language);
    const run = await sandbox.pulumi(["package", "gen-sdk", REPO, "--language", language, "--out", dir], {
      cwd: sandbox.dir,
    });
    assert.strictEqual(run.code, 0, run.stdout + run.stderr);
    assert.match(run.stdout + run.stderr, new RegExp(`SDK has been written to ${dir}/${language}`));
    return path.join(dir, language);
  };

  it("writes a .NET SDK whose components expose azure-native's .NET resource classes", async () => {
    const sdk = await genSdk("dotnet");
    const cluster = fs.readFileSync(path.join(sdk, "AksCluster.cs"), "utf8");
    assert.match(cluster, /\[AksTrustedAccessResourceType\("aks-trusted-access:index:AksCluster"\)\]/);
    assert.match(cluster, /public Output<Pulumi\.AzureNative\.ContainerService\.ManagedCluster> Cluster \{/);
    assert.match(
      cluster,
      /public Output<ImmutableDictionary<string, Pulumi\.AzureNative\.ContainerService\.TrustedAccessRoleBinding>> Bindings \{/,
    );
    const bindings = fs.readFileSync(path.join(sdk, "Inputs", "TrustedAccessBindingArgsArgs.cs"), "utf8");
    assert.match(bindings, /public Input<string> SourceResourceId \{ get; set; \} = null!;/);
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(path.join(sdk, "pulumi-plugin.json"), "utf8")), {
      resource: true,
      name: "aks-trusted-access",
      version: "0.1.0",
    });
    // The .NET generator downloads a logo; offline, our host answers Pulumi's default with an image of its own.
    assert.deepStrictEqual(
      [...fs.readFileSync(path.join(sdk, "logo.png")).subarray(1, 4)],
      [0x50, 0x4e, 0x47],
    );
  });

  it("writes a Java SDK whose components expose azure-native's Java resource classes", async () => {
    const sdk = await genSdk("java");
    const cluster = fs.readFileSync(path.join(sdk, AKS_CLUSTER_JAVA), "utf8");
    assert.match(cluster, /^package com\.pulumi\.akstrustedaccess;$/m);
    for (const resource of [
      "AgentPool",
      "MaintenanceConfiguration",
      "ManagedCluster",
      "TrustedAccessRoleBinding",
    ])
      assert.match(
        cluster,
        new RegExp(`^import com\\.pulumi\\.azurenative\\.containerservice\\.${resource};$`, "m"),
      );
    assert.match(cluster, /public Output<Map<String,TrustedAccessRoleBinding>> bindings\(\)/);
    assert.match(
      fs.readFileSync(path.join(sdk, "build.gradle"), "utf8"),
      /implementation\("com\.pulumi:pulumi:/,
    );
  });
});
