import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AzureStandin } from "./standin/azureStandin";
import { pluginIdentity } from "./standin/pluginIdentity";
import { StandinError } from "./standin/standinProvider";
import { StandinState } from "./standin/standinState";

const CLUSTER_TYPE = "azure-native:containerservice:ManagedCluster";
const BINDING_TYPE = "azure-native:containerservice:TrustedAccessRoleBinding";
const SUB = "00000000-0000-0000-0000-000000000000";
const CLUSTER_ID = `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks`;
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const vault = (n: number) =>
  `/subscriptions/${SUB}/resourceGroups/rg/providers/Microsoft.DataProtection/backupVaults/vault${n}`;
const binding = (name: string, source: string) => ({
  resourceGroupName: "rg",
  resourceName: "aks",
  trustedAccessRoleBindingName: name,
  roles: ["Microsoft.DataProtection/backupVaults/backup-operator"],
  sourceResourceId: source,
});

/**
 * The azure-native stand-in on its own: what the engine's behaviour under the real CLI depends on. The real-CLI
 * tests run it behind `pulumi`; these pin each rule with an exact answer.
 */
describe("the azure-native stand-in", () => {
  let dir: string;
  let standin: AzureStandin;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-ta-standin-"));
    standin = new AzureStandin(
      new StandinState({ AZURE_NATIVE_STANDIN_STATE: path.join(dir, "azure.json") }),
    );
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const createCluster = () =>
    standin.create(
      CLUSTER_TYPE,
      {
        resourceGroupName: "rg",
        resourceName: "aks",
        location: "westeurope",
        identity: { type: "SystemAssigned" },
      },
      false,
    );

  describe("Check", () => {
    it("names a resource the program left unnamed, from the engine's random seed, and marks it create-first", () => {
      const seed = new Uint8Array([1, 2, 3]);
      const { inputs } = standin.check(CLUSTER_TYPE, "aks", {}, { resourceGroupName: "rg" }, seed);
      assert.match(String(inputs.resourceName), /^aks[0-9a-f]{8}$/);
      assert.strictEqual(inputs.__createBeforeDelete, true);
      assert.deepStrictEqual(
        standin.check(CLUSTER_TYPE, "aks", {}, { resourceGroupName: "rg" }, seed).inputs,
        inputs,
      );
    });

    it("keeps the name it chose at creation on an update", () => {
      const olds = { resourceGroupName: "rg", resourceName: "aks1234abcd", __createBeforeDelete: true };
      const { inputs } = standin.check(
        CLUSTER_TYPE,
        "aks",
        olds,
        { resourceGroupName: "rg" },
        new Uint8Array([9]),
      );
      assert.strictEqual(inputs.resourceName, "aks1234abcd");
    });

    it("takes a missing location from the resource group Azure holds", () => {
      standin.create(
        "azure-native:resources:ResourceGroup",
        { resourceGroupName: "rg", location: "northeurope" },
        false,
      );
      const { inputs } = standin.check(
        CLUSTER_TYPE,
        "aks",
        {},
        { resourceGroupName: "rg", resourceName: "a" },
        new Uint8Array(),
      );
      assert.strictEqual(inputs.location, "northeurope");
    });

    it("refuses a type whose ARM path it does not know, naming the type and the table", () => {
      const { failures } = standin.check("azure-native:web:WebApp", "app", {}, {}, new Uint8Array());
      assert.deepStrictEqual(failures, [
        {
          property: "",
          reason:
            "the azure-native stand-in does not know where azure-native:web:WebApp lives in ARM; add its path to " +
            "test/realCli/standin/armTypes.ts",
        },
      ]);
    });
  });

  describe("Diff", () => {
    it("replaces, delete-first, on a change of a URL path parameter, with a detailed diff", () => {
      const diff = standin.diff(BINDING_TYPE, binding("ml", vault(1)), binding("ml2", vault(1)));
      assert.deepStrictEqual(diff, {
        changes: true,
        replaces: ["trustedAccessRoleBindingName"],
        diffs: ["trustedAccessRoleBindingName"],
        detailed: { trustedAccessRoleBindingName: { kind: "update", replace: true } },
        deleteBeforeReplace: true,
      });
    });

    it("updates a binding's sourceResourceId in place, as azure-native does (the component asks for the replace)", () => {
      const diff = standin.diff(BINDING_TYPE, binding("ml", vault(1)), binding("ml", vault(2)));
      assert.deepStrictEqual(diff?.replaces, []);
      assert.deepStrictEqual(diff?.detailed, { sourceResourceId: { kind: "update", replace: false } });
    });

    it("compares locations without case or spaces, and replaces create-first a resource it named", () => {
      const olds = { resourceGroupName: "rg", resourceName: "a", location: "West Europe" };
      assert.strictEqual(
        standin.diff(CLUSTER_TYPE, olds, { ...olds, location: "westeurope" }).changes,
        false,
      );
      const moved = standin.diff(CLUSTER_TYPE, olds, {
        ...olds,
        location: "northeurope",
        __createBeforeDelete: true,
      });
      assert.deepStrictEqual([moved.replaces, moved.deleteBeforeReplace], [["location"], false]);
    });

    it("reports each changed leaf of a nested input", () => {
      const olds = { resourceGroupName: "rg", resourceName: "a", roles: ["x", "y"] };
      const diff = standin.diff(BINDING_TYPE, olds, { ...olds, roles: ["x"] });
      assert.deepStrictEqual(diff.detailed, { "roles[1]": { kind: "delete", replace: false } });
    });
  });

  describe("Create and Update", () => {
    it("gives the cluster its ARM id and a principal, unknown in preview", () => {
      const inputs = {
        resourceGroupName: "rg",
        resourceName: "aks",
        location: "westeurope",
        identity: { type: "SystemAssigned" },
      };
      const preview = standin.create(CLUSTER_TYPE, inputs, true);
      assert.deepStrictEqual(
        [preview.id, (preview.outputs.identity as { principalId: string }).principalId],
        ["", UNKNOWN],
      );
      const { id, outputs } = createCluster();
      assert.strictEqual(id, CLUSTER_ID);
      assert.match((outputs.identity as { principalId: string }).principalId, /^[0-9a-f-]{36}$/);
      assert.deepStrictEqual(
        [outputs.name, outputs.type, outputs.resourceGroupName],
        ["aks", "Microsoft.ContainerService/managedClusters", undefined],
      );
    });

    it("refuses a binding on a cluster Azure does not hold", () => {
      assert.throws(
        () => standin.create(BINDING_TYPE, binding("ml", vault(1)), false),
        new StandinError(`(ResourceNotFound) the managed cluster ${CLUSTER_ID} does not exist`),
      );
    });

    it("refuses a ninth binding on one cluster", () => {
      createCluster();
      for (let i = 1; i <= 8; i++) standin.create(BINDING_TYPE, binding(`b${i}`, vault(i)), false);
      assert.throws(
        () => standin.create(BINDING_TYPE, binding("b9", vault(9)), false),
        new StandinError(
          `(BadRequest) the managed cluster ${CLUSTER_ID} already has 8 trusted access role bindings, the most Azure allows is 8`,
        ),
      );
    });

    it("refuses a second binding with the same source, whatever its case", () => {
      createCluster();
      standin.create(BINDING_TYPE, binding("one", vault(1)), false);
      assert.throws(
        () => standin.create(BINDING_TYPE, binding("two", vault(1).toUpperCase()), false),
        /already has a trusted access role binding for .*: .*\/trustedaccessrolebindings\/one$/,
      );
    });

    it("refuses to change a binding's source in place, as Azure does", () => {
      createCluster();
      const { id } = standin.create(BINDING_TYPE, binding("ml", vault(1)), false);
      assert.throws(
        () => standin.update(BINDING_TYPE, id, binding("ml", vault(2)), false),
        /sourceResourceId cannot be changed .*delete the binding and create it again$/,
      );
    });

    it("deletes a cluster's bindings with the cluster", () => {
      createCluster();
      const { id } = standin.create(BINDING_TYPE, binding("ml", vault(1)), false);
      standin.delete(CLUSTER_ID);
      assert.strictEqual(standin.read(id), undefined);
    });
  });

  it("answers getClientConfig with its configured subscription", () => {
    assert.strictEqual(standin.invoke("azure-native:authorization:getClientConfig").subscriptionId, SUB);
    assert.throws(
      () => standin.invoke("azure-native:web:listWebAppSecrets"),
      /does not implement the function/,
    );
  });

  it("serves as the plugin its installed path names, else as azure-native at our SDK's version", () => {
    assert.deepStrictEqual(pluginIdentity("/h/plugins/resource-azuread-v6.9.1/pulumi-resource-azuread"), {
      name: "azuread",
      version: "6.9.1",
    });
    assert.deepStrictEqual(pluginIdentity(""), { name: "azure-native", version: "3.28.0" });
  });
});
