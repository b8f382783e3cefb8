import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { GetSchemaRequest, GetSchemaResponse } from "@pulumi/pulumi/proto/provider_pb";
import { EngineEndpoint, startEngineService } from "../../cli/packHost/engineService";
import { PackageSchema } from "../../plugin/packageSchema";
import { ensureBuilt } from "../support/builtPackage";
import { PluginProcess, ROOT, call, consumerFolder, startPlugin } from "./support/pluginProcess";
import { YamlProgram, problemsOf } from "./support/yamlProgram";

const GOLDEN = path.join(__dirname, "expected", "schema.json");
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, "utf8"));

type Property = NonNullable<PackageSchema["resources"][string]["inputProperties"]>[string] & {
  optional?: boolean;
};

// What this proves: the package, started from a consumer's folder exactly as Pulumi's Node.js language host starts a
// source-based plugin, serves over the real provider protocol the schema checked in as test/plugin/expected/schema.json,
// and that schema is one people can read in their own language. It does not run Pulumi's SDK generators.
describe("the plugin's schema, served as `pulumi package add` reads it", function () {
  this.timeout(300_000);
  let engine: EngineEndpoint;
  let plugin: PluginProcess;
  let schema: PackageSchema;

  const cwd = consumerFolder();

  before(async () => {
    ensureBuilt();
    engine = await startEngineService(() => undefined);
    plugin = await startPlugin({ cwd, engineAddress: engine.address });
    const response = await call<GetSchemaRequest, GetSchemaResponse>(
      plugin.client.getSchema.bind(plugin.client),
      new GetSchemaRequest(),
    );
    schema = JSON.parse(response.getSchema());
  });

  after(async () => {
    plugin?.client.close();
    await plugin?.stop();
    await engine?.stop();
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  it("is the golden schema (after a reviewed change: npm run schema:update)", () => {
    assert.deepStrictEqual(
      schema,
      readJson(GOLDEN),
      "the served schema differs: run `npm run schema:update` and review the diff",
    );
  });

  it("offers both components under the package's token", () => {
    assert.deepStrictEqual(Object.keys(schema.resources).sort(), [
      "aks-trusted-access:index:AksCluster",
      "aks-trusted-access:index:TrustedAccessBindings",
    ]);
    for (const resource of Object.values(schema.resources)) assert.strictEqual(resource.isComponent, true);
  });

  it("has the package's version and metadata", () => {
    const pkg = readJson(path.join(ROOT, "package.json"));
    assert.strictEqual(schema.version, pkg.version);
    assert.strictEqual(schema.description, pkg.description);
    assert.strictEqual(schema.license, pkg.license);
    assert.deepStrictEqual(schema.keywords, pkg.keywords);
    assert.strictEqual(schema.displayName, "AKS Trusted Access");
  });

  it("depends on the azure-native version whose resources its outputs reference", () => {
    const version = readJson(
      path.join(ROOT, "node_modules", "@pulumi", "azure-native", "package.json"),
    ).version;
    assert.deepStrictEqual(schema.dependencies, [{ name: "azure-native", version }]);
    const cluster = schema.resources["aks-trusted-access:index:AksCluster"].properties?.cluster as {
      $ref: string;
    };
    assert.strictEqual(
      cluster.$ref,
      `/azure-native/v${version}/schema.json#/resources/azure-native:containerservice:ManagedCluster`,
    );
  });

  it("describes every input, output, type and type field", () => {
    const undescribed: string[] = [];
    const check = (where: string, props: Record<string, Property> | undefined) => {
      for (const [key, prop] of Object.entries(props ?? {}))
        if (!prop.description) undescribed.push(`${where}.${key}`);
    };
    for (const [token, resource] of Object.entries(schema.resources)) {
      if (!resource.description) undescribed.push(token);
      check(`${token} input`, resource.inputProperties);
      check(`${token} output`, resource.properties);
    }
    for (const [token, type] of Object.entries(schema.types)) {
      if (!type.description) undescribed.push(token);
      check(token, type.properties);
      for (const value of type.enum ?? []) if (!value.description) undescribed.push(`${token}.${value.name}`);
    }
    assert.deepStrictEqual(undescribed, []);
  });

  it("states the default of every optional input and type field", () => {
    const silent: string[] = [];
    const check = (where: string, props: Record<string, Property> | undefined) => {
      for (const [key, prop] of Object.entries(props ?? {})) {
        if (prop.optional && !/Defaults to/.test(prop.description ?? "")) silent.push(`${where}.${key}`);
      }
    };
    for (const [token, resource] of Object.entries(schema.resources)) check(token, resource.inputProperties);
    for (const [token, type] of Object.entries(schema.types)) check(token, type.properties);
    assert.deepStrictEqual(silent, []);
  });

  it("offers the upgrade channels as enums of Azure's values, referenced by the inputs", () => {
    const values = (name: string) =>
      schema.types[`aks-trusted-access:index:${name}`].enum?.map((e) => e.value);
    assert.deepStrictEqual(values("KubernetesUpgradeChannel"), [
      "rapid",
      "stable",
      "patch",
      "node-image",
      "none",
    ]);
    assert.deepStrictEqual(values("NodeOsUpgradeChannel"), [
      "NodeImage",
      "None",
      "SecurityPatch",
      "Unmanaged",
    ]);
    const inputs = schema.resources["aks-trusted-access:index:AksCluster"].inputProperties ?? {};
    assert.deepStrictEqual(inputs.upgradeChannel, {
      ...inputs.upgradeChannel,
      $ref: "#/types/aks-trusted-access:index:KubernetesUpgradeChannel",
    });
  });

  describe("examples/yaml", () => {
    const program = () =>
      yaml.load(fs.readFileSync(path.join(ROOT, "examples", "yaml", "Pulumi.yaml"), "utf8")) as YamlProgram;

    it("uses only types, inputs, enum values and outputs the served schema has, and every required input", () => {
      assert.deepStrictEqual(problemsOf(program(), schema, "aks-trusted-access"), []);
    });

    it("names this package in `packages`, by the path of the folder with PulumiPlugin.yaml", () => {
      const source = program().packages?.["aks-trusted-access"] ?? "";
      assert.ok(fs.existsSync(path.join(ROOT, "examples", "yaml", source, "PulumiPlugin.yaml")), source);
    });

    it("would be caught using an input, an enum value or an output the schema lacks", () => {
      const broken = program();
      const prod = broken.resources?.prod.properties ?? {};
      prod.resourceGroup = prod.resourceGroupName;
      delete prod.resourceGroupName;
      prod.upgradeChannel = "Stable";
      (broken.outputs ?? {}).kubeconfig = "${prod.kubeconfig}";
      assert.deepStrictEqual(problemsOf(broken, schema, "aks-trusted-access"), [
        'prod.upgradeChannel: "Stable" is not one of rapid, stable, patch, node-image, none',
        `prod.resourceGroup is not an input (inputs: ${Object.keys(
          schema.resources["aks-trusted-access:index:AksCluster"].inputProperties ?? {},
        ).join(", ")})`,
        "prod.resourceGroupName is required",
        "outputs.kubeconfig: prod has no output kubeconfig",
      ]);
    });
  });
});
