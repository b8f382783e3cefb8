import * as assert from "assert";
import * as fs from "fs";
import * as grpc from "@grpc/grpc-js";
import * as os from "os";
import * as path from "path";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { GetSchemaRequest, GetSchemaResponse } from "@pulumi/pulumi/proto/provider_pb";
import { REPO, ensureBuilt } from "../support/builtPackage";
import { AzureStandin } from "./standin/azureStandin";
import {
  SCHEMA_FILE,
  azureNativeSchemaText,
  referencedAzureNativeResources,
} from "./standin/schema/azureNativeSchemaFile";
import { PackageSpec } from "./standin/schema/schemaSpec";
import { servedSchema } from "./standin/schema/servedSchema";
import { StandinState } from "./standin/standinState";
import { startStandinServer } from "./standin/standinServer";

const AZURE_NATIVE_VERSION = (
  JSON.parse(
    fs.readFileSync(require.resolve("@pulumi/azure-native/package.json", { paths: [REPO] }), "utf8"),
  ) as { version: string }
).version;

/**
 * GetSchema of the azure-native stand-in, over gRPC as the CLI's schema loader calls it: the schema that
 * `pulumi package add / get-schema / gen-sdk` bind our package's `$ref`s against. The real-CLI binding itself is
 * test/realCli/genSdk.test.ts.
 */
describe("the azure-native stand-in's schema", () => {
  let dir: string;
  let server: grpc.Server;
  let client: ResourceProviderClient;
  let ourSchema: { resources: Record<string, unknown> };

  before(async () => {
    ensureBuilt();
    ourSchema = (
      JSON.parse(fs.readFileSync(path.join(REPO, "dist", "plugin", "schema.json"), "utf8")) as {
        schema: typeof ourSchema;
      }
    ).schema;
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-ta-standin-schema-"));
    const standin = new AzureStandin(
      new StandinState({ AZURE_NATIVE_STANDIN_STATE: path.join(dir, "azure.json") }),
    );
    const started = await startStandinServer(standin, AZURE_NATIVE_VERSION, servedSchema);
    server = started.server;
    client = new ResourceProviderClient(`127.0.0.1:${started.port}`, grpc.credentials.createInsecure());
  });
  after(() => {
    client?.close();
    server?.forceShutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const getSchema = (request = new GetSchemaRequest()) =>
    new Promise<GetSchemaResponse>((resolve, reject) =>
      client.getSchema(request, (err, response) => (err ? reject(err) : resolve(response))),
    );

  it("answers with azure-native at the version our SDK pins, holding every resource our schema refers to", async () => {
    const schema = JSON.parse((await getSchema()).getSchema()) as PackageSpec;
    assert.strictEqual(schema.name, "azure-native");
    assert.strictEqual(schema.version, AZURE_NATIVE_VERSION);
    assert.deepStrictEqual(referencedAzureNativeResources(ourSchema), [
      "azure-native:containerservice:AgentPool",
      "azure-native:containerservice:MaintenanceConfiguration",
      "azure-native:containerservice:ManagedCluster",
      "azure-native:containerservice:TrustedAccessRoleBinding",
    ]);
    assert.deepStrictEqual(Object.keys(schema.resources).sort(), referencedAzureNativeResources(ourSchema));
  });

  it("defines every type its resources reach, and no other", async () => {
    const schema = JSON.parse((await getSchema()).getSchema()) as PackageSpec;
    const refs = (value: unknown) =>
      [...JSON.stringify(value).matchAll(/"\$ref":"#\/types\/([^"]+)"/g)].map((m) => m[1]);
    const reached = new Set<string>();
    const visit = (token: string) => {
      if (reached.has(token)) return;
      assert.ok(schema.types[token], `${token} is referred to but not defined`);
      reached.add(token);
      refs(schema.types[token]).forEach(visit);
    };
    refs(schema.resources).forEach(visit);
    assert.deepStrictEqual([...reached].sort(), Object.keys(schema.types).sort());
  });

  it("declares a binding's inputs and outputs as azure-native's SDKs do", async () => {
    const schema = JSON.parse((await getSchema()).getSchema()) as PackageSpec;
    const binding = schema.resources["azure-native:containerservice:TrustedAccessRoleBinding"];
    assert.deepStrictEqual(Object.keys(binding.inputProperties), [
      "resourceGroupName",
      "resourceName",
      "roles",
      "sourceResourceId",
      "trustedAccessRoleBindingName",
    ]);
    assert.deepStrictEqual(binding.requiredInputs, [
      "resourceGroupName",
      "resourceName",
      "roles",
      "sourceResourceId",
    ]);
    assert.deepStrictEqual(binding.inputProperties.roles, {
      type: "array",
      items: { type: "string" },
      description:
        "A list of roles to bind, each item is a resource type qualified role name. For example: 'Microsoft.MachineLearningServices/workspaces/reader'.",
    });
    assert.deepStrictEqual(binding.properties.systemData, {
      $ref: "#/types/azure-native:containerservice:SystemDataResponse",
      description: "Azure Resource Manager metadata containing createdBy and modifiedBy information.",
    });
    assert.ok(binding.required.includes("provisioningState") && binding.required.includes("azureApiVersion"));
    // An integer the .d.ts spells `number`: the Python SDK's `int` decides.
    const pool = schema.types["azure-native:containerservice:ManagedClusterAgentPoolProfile"];
    assert.strictEqual(pool.type === "object" && pool.properties.count.type, "integer");
    const osSku = pool.type === "object" ? pool.properties.osSKU : undefined;
    assert.deepStrictEqual(osSku?.oneOf, [
      { type: "string" },
      { $ref: "#/types/azure-native:containerservice:OSSKU" },
    ]);
  });

  it("carries azure-native's language blocks: Go module paths at major version 3, .NET, Java and Python names", async () => {
    const { language } = JSON.parse((await getSchema()).getSchema()) as PackageSpec;
    assert.deepStrictEqual(Object.keys(language).sort(), ["csharp", "go", "java", "nodejs", "python"]);
    assert.deepStrictEqual(language.go, {
      importBasePath: "github.com/pulumi/pulumi-azure-native-sdk/v3",
      packageImportAliases: {
        "github.com/pulumi/pulumi-azure-native-sdk/containerservice/v3": "containerservice",
      },
      importPathPattern: "github.com/pulumi/pulumi-azure-native-sdk/{module}/v3",
      rootPackageName: "pulumiazurenativesdk",
      generateResourceContainerTypes: false,
      disableInputTypeRegistrations: true,
      internalModuleName: "utilities",
      respectSchemaVersion: true,
    });
    assert.deepStrictEqual((language.csharp as { namespaces: object }).namespaces, {
      "azure-native": "AzureNative",
      containerservice: "ContainerService",
    });
    assert.deepStrictEqual((language.java as { packages: object }).packages, {
      "azure-native": "azurenative",
      containerservice: "containerservice",
    });
    assert.deepStrictEqual((language.python as { moduleNameOverrides: object }).moduleNameOverrides, {
      containerservice: "containerservice",
    });
  });

  it("refuses a sub-package, which azure-native does not have", async () => {
    await assert.rejects(
      getSchema(new GetSchemaRequest().setSubpackageName("other").setSubpackageVersion("1.0.0")),
      /azure-native has no sub-package other/,
    );
  });

  it("is the file its generator writes from the npm and PyPI SDKs today", async function () {
    // Downloads the wheel on a machine's first run (pip, PyPI), then reads it from the cache folder.
    this.timeout(180_000);
    const expected = await azureNativeSchemaText(referencedAzureNativeResources(ourSchema));
    assert.ok(
      fs.readFileSync(SCHEMA_FILE, "utf8") === expected,
      "test/realCli/standin/schema/azureNativeSchema.json is stale: run `npm run --silent standin:schema`",
    );
  });
});
