import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ARM_ID_FORMS } from "../../domain";
import { WORKSPACE_ID, backupBinding, mlBinding, workspaceBindings } from "./support/fixtures";
import {
  Bindings,
  EXAMPLE_ROLE,
  assertRefusedBeforeChildren,
  bindingNames,
  components,
} from "./support/validation";

for (const { component, prefix, map, run } of components) {
  describe(`${component} argument checks: the map of bindings`, () => {
    const mapCases: { name: string; bindings: unknown; message: string }[] = [
      {
        name: "rejects an empty map of bindings",
        bindings: {},
        message:
          `${map} is empty: give 1 to 8 entries key -> { sourceResourceId, roles, name? }. A cluster without a ` +
          'Trusted Access binding fails the rule "Enable Trusted Access for AKS Clusters".',
      },
      {
        name: "rejects more than 8 bindings",
        bindings: workspaceBindings(9),
        message:
          `9 Trusted Access bindings (${Array.from({ length: 9 }, (_, i) => `${map}["ws${i}"]`).join(", ")}) ` +
          "target one cluster, but Azure allows at most 8: merge or remove 1 of them.",
      },
      {
        name: "rejects a missing map of bindings (from JavaScript)",
        bindings: undefined,
        message: `${map} undefined is not a map of bindings: give 1 to 8 entries key -> { sourceResourceId, roles, name? }.`,
      },
      {
        name: "rejects a map given as an Output, since its keys name the resources",
        bindings: pulumi.output({ ml: mlBinding() }),
        message:
          `${map} is an Output: it must be a plain map, because its keys name the binding resources; give 1 to 8 ` +
          "entries key -> { sourceResourceId, roles, name? }.",
      },
      {
        name: "rejects an entry that is not a binding (from JavaScript)",
        bindings: { ml: null },
        message: `${map}["ml"] null is not a binding: give { sourceResourceId, roles, name? }.`,
      },
      {
        name: "rejects a key that is no valid binding name when no name is given",
        bindings: { ml_workspace: mlBinding() },
        message:
          `${map}["ml_workspace"].name "ml_workspace" is not a valid binding name: use 1-24 letters, digits or ` +
          `hyphens. The name defaults to the key: set ${map}["ml_workspace"].name, or choose another key.`,
      },
    ];
    for (const c of mapCases) {
      it(c.name, async () => {
        const result = await run(c.bindings as Bindings);
        assertRefusedBeforeChildren(result, prefix + c.message, component);
      });
    }

    it("reports every error found in plain values at once, one per line", async () => {
      const result = await run({
        ml: mlBinding({ name: "ml_1", roles: [] }),
        backup: backupBinding({ sourceResourceId: "vault" }),
      });
      assert.ok(result.thrown instanceof Error);
      assert.deepStrictEqual(result.thrown.message.split("\n"), [
        `${prefix}${map}["ml"].name "ml_1" is not a valid binding name: use 1-24 letters, digits or hyphens.`,
        `${prefix}${map}["ml"].roles is empty: give one or more role strings such as ${EXAMPLE_ROLE}.`,
        `${prefix}${map}["backup"].sourceResourceId "vault" is not an Azure resource id (it does not start with ` +
          `/subscriptions/): expected ${ARM_ID_FORMS}.`,
      ]);
    });

    it("accepts 8 bindings, a 24-character name and a source type in other case", async () => {
      const bindings = {
        ...workspaceBindings(7),
        long: mlBinding({
          name: "a".repeat(24),
          sourceResourceId: WORKSPACE_ID.replace(
            "Microsoft.MachineLearningServices/workspaces",
            "microsoft.machinelearningservices/WORKSPACES",
          ),
        }),
      };
      const result = await run(bindings);
      assert.strictEqual(result.thrown, undefined);
      assert.deepStrictEqual(result.failures, []);
      assert.strictEqual(bindingNames(result).length, 8);
    });
  });
}
