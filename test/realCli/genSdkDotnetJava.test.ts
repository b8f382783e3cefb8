import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO } from "../support/builtPackage";
import { run } from "./support/goModules";
import { javaMissing, javaSdkClasspath, javaSources } from "./support/javaClasspath";
import { isolated, PulumiSandbox } from "./support/pulumiSandbox";
import { RealCliTools, requireRealCli } from "./support/realCliTools";

/**
 * The version of the Java language plugin that CLI v3.276.0 asks for: Java is no longer bundled with the CLI, so it
 * looks the plugin up at this pinned version (pkg/util/plugin.go, knownLanguageRuntimes) in the plugin cache.
 */
const JAVA_PLUGIN_VERSION = "1.39.0";

const AKS_CLUSTER_JAVA = "src/main/java/com/pulumi/akstrustedaccess/AksCluster.java";

// `pulumi package gen-sdk` of this repository for .NET and Java, offline, with our SDK-generating hosts (Pulumi's
// .NET generator, pulumi-java's Java generator). It binds our schema against the azure-native stand-in's, so the
// generated classes name azure-native's own .NET and Java types. The Java SDK is then compiled with javac against
// com.pulumi:pulumi from Maven Central and an azure-native Java SDK generated from the stand-in's schema (the
// published com.pulumi:azure-native jar holds every Azure module; see docs/languages.md). The .NET SDK is not
// compiled: NuGet cannot be reached.
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

  it("compiles the Java SDK with javac against com.pulumi:pulumi and azure-native's generated Java classes", async function () {
    const missing = javaMissing();
    if (missing !== undefined) {
      if (process.env.CI === "true") throw new Error(missing);
      this.skip();
    }
    const classpath = await javaSdkClasspath();
    const azureNative = path.join(out, "azure-native-java");
    const gen = await sandbox.pulumi(
      [
        "package",
        "gen-sdk",
        `azure-native@${tools.standin.version}`,
        "--language",
        "java",
        "--out",
        azureNative,
      ],
      { cwd: sandbox.dir },
    );
    assert.strictEqual(gen.code, 0, gen.stdout + gen.stderr);
    const classes = path.join(out, "classes");
    const sources = javaSources(path.join(out, "java", "java", "src"), path.join(azureNative, "java", "src"));
    const [command, args] = isolated("javac", [
      "-nowarn",
      "-encoding",
      "UTF-8",
      "-cp",
      path.join(classpath, "*"),
      "-d",
      classes,
      ...sources,
    ]);
    await run(command, args, out, sandbox.env);
    for (const compiled of ["AksCluster", "TrustedAccessBindings", "inputs/TrustedAccessBindingArgsArgs"])
      assert.ok(
        fs.existsSync(path.join(classes, "com", "pulumi", "akstrustedaccess", `${compiled}.class`)),
        compiled,
      );
  });
});
