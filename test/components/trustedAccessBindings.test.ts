import * as assert from "assert";
import { TrustedAccessRole } from "../../domain";
import { BACKUP_VAULT_ID, ML_ROLES, WORKSPACE_ID, bindingsArgs } from "./support/fixtures";
import { Registration, outputOfResource, runProgram, valueOf } from "./support/harness";

const BINDING = "azure-native:containerservice:TrustedAccessRoleBinding";
const COMPONENT = "aks-trusted-access:index:TrustedAccessBindings";

function binding(registrations: Registration[], name: string): Registration {
  const found = registrations.filter((r) => r.type === BINDING && r.name === name);
  assert.strictEqual(found.length, 1, `expected one binding named ${name}, got ${found.length}`);
  return found[0];
}

describe("TrustedAccessBindings", () => {
  it("registers the component and one binding per entry, parented to it, and no cluster", async () => {
    const run = await runProgram(
      ({ TrustedAccessBindings }) => new TrustedAccessBindings("existing", bindingsArgs()),
    );
    assert.strictEqual(run.thrown, undefined);
    assert.deepStrictEqual(run.failures, []);
    const [component, ...children] = run.registrations;
    assert.deepStrictEqual([component.type, component.name], [COMPONENT, "existing"]);
    assert.deepStrictEqual(children.map((r) => [r.type, r.name, r.parent]).sort(), [
      [BINDING, "existing-backup", component.urn],
      [BINDING, "existing-ml", component.urn],
    ]);
  });

  it("binds each entry to the named cluster with its roles and source", async () => {
    const run = await runProgram(
      ({ TrustedAccessBindings }) => new TrustedAccessBindings("existing", bindingsArgs()),
    );
    assert.deepStrictEqual(binding(run.registrations, "existing-ml").inputs, {
      resourceGroupName: "rg",
      resourceName: "existing-aks",
      trustedAccessRoleBindingName: "ml",
      roles: ML_ROLES,
      sourceResourceId: WORKSPACE_ID,
    });
    assert.deepStrictEqual(binding(run.registrations, "existing-backup").inputs, {
      resourceGroupName: "rg",
      resourceName: "existing-aks",
      trustedAccessRoleBindingName: "backup",
      roles: [TrustedAccessRole.BackupOperator],
      sourceResourceId: BACKUP_VAULT_ID,
    });
  });

  it("asks for each binding to be replaced, deleting the old one first, when its source changes", async () => {
    const run = await runProgram(
      ({ TrustedAccessBindings }) => new TrustedAccessBindings("existing", bindingsArgs()),
    );
    for (const name of ["existing-ml", "existing-backup"]) {
      const r = binding(run.registrations, name);
      assert.deepStrictEqual([r.replaceOnChanges, r.deleteBeforeReplace], [["sourceResourceId"], true], name);
    }
  });

  it("passes a cluster name given as an Output through, with the dependency it carries", async () => {
    const run = await runProgram(({ TrustedAccessBindings }) => {
      const clusterName = outputOfResource("cluster-stack", "existing-aks");
      return new TrustedAccessBindings("existing", bindingsArgs({ clusterName }));
    });
    assert.deepStrictEqual(run.failures, []);
    const otherUrn = run.registrations.find((r) => r.name === "cluster-stack")?.urn;
    assert.ok(otherUrn);
    const ml = binding(run.registrations, "existing-ml");
    assert.strictEqual(ml.inputs.resourceName, "existing-aks");
    assert.deepStrictEqual(ml.propertyDependencies.resourceName, [otherUrn]);
  });

  it("outputs its bindings by key, the cluster's name and its group", async () => {
    const run = await runProgram(
      ({ TrustedAccessBindings }) => new TrustedAccessBindings("existing", bindingsArgs()),
    );
    const component = run.value;
    assert.ok(component);
    assert.deepStrictEqual(Object.keys(component.bindings), ["ml", "backup"]);
    assert.strictEqual(
      await valueOf(component.bindings.ml.urn),
      binding(run.registrations, "existing-ml").urn,
    );
    assert.strictEqual(await valueOf(component.clusterName), "existing-aks");
    assert.strictEqual(await valueOf(component.resourceGroupName), "rg");
  });
});
