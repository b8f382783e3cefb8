import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import type { AksClusterArgs, TrustedAccessBindingArgs } from "../../components";
import { ARM_ID_FORMS, TrustedAccessRole } from "../../policypack/domain";
import {
  BACKUP_VAULT_ID,
  OTHER_WORKSPACE_ID,
  WORKSPACE_ID,
  backupBinding,
  bindingsArgs,
  clusterArgs,
  mlBinding,
  workspaceBindings,
} from "./fixtures";
import { ProgramRun, UNKNOWN_INPUT, notYetCreated, runProgram } from "./harness";

const BINDING = "azure-native:containerservice:TrustedAccessRoleBinding";
const EXAMPLE_ROLE = '"Microsoft.MachineLearningServices/workspaces/mlworkload"';
type Bindings = Record<string, TrustedAccessBindingArgs>;
type BindingField = "name" | "roles" | "sourceResourceId";

/** The resource input that each binding field feeds, as Pulumi names it when its registration fails. */
const INPUT_OF: Record<BindingField, string> = {
  name: "trustedAccessRoleBindingName",
  roles: "roles",
  sourceResourceId: "sourceResourceId",
};

/** How each component is given bindings, and how its messages start. */
const components = [
  {
    component: "AksCluster",
    prefix: 'AksCluster "prod": ',
    map: "trustedAccess",
    run: (bindings: Bindings, options?: { preview?: boolean }) =>
      runProgram(
        ({ AksCluster }) => new AksCluster("prod", clusterArgs({ trustedAccess: bindings })),
        options,
      ),
  },
  {
    component: "TrustedAccessBindings",
    prefix: 'TrustedAccessBindings "prod": ',
    map: "bindings",
    run: (bindings: Bindings, options?: { preview?: boolean }) =>
      runProgram(
        ({ TrustedAccessBindings }) => new TrustedAccessBindings("prod", bindingsArgs({ bindings })),
        options,
      ),
  },
];

interface BindingCase {
  readonly name: string;
  readonly bindings: Bindings;
  /** The binding and field the error is about; that value is also given as an Output, and as an unknown one. */
  readonly key: string;
  readonly field: BindingField;
  /** The message after the component's prefix; `map` is the argument holding the bindings. */
  readonly message: (map: string) => string;
}

const bindingCases: BindingCase[] = [
  {
    name: "rejects a binding name with an underscore",
    bindings: { ml: mlBinding({ name: "ml_binding" }) },
    key: "ml",
    field: "name",
    message: (m) =>
      `${m}["ml"].name "ml_binding" is not a valid binding name: use 1-24 letters, digits or hyphens.`,
  },
  {
    name: "rejects a binding name longer than 24 characters",
    bindings: { ml: mlBinding({ name: "a".repeat(25) }) },
    key: "ml",
    field: "name",
    message: (m) =>
      `${m}["ml"].name "${"a".repeat(25)}" is not a valid binding name: use 1-24 letters, digits or hyphens.`,
  },
  {
    name: "rejects an empty binding name",
    bindings: { ml: mlBinding({ name: "" }) },
    key: "ml",
    field: "name",
    message: (m) => `${m}["ml"].name "" is not a valid binding name: use 1-24 letters, digits or hyphens.`,
  },
  {
    name: "rejects a binding name that another binding has in other case",
    bindings: {
      ml: mlBinding({ name: "ML" }),
      ml2: mlBinding({ name: "ml", sourceResourceId: OTHER_WORKSPACE_ID }),
    },
    key: "ml2",
    field: "name",
    message: (m) =>
      `${m}["ml2"].name "ml" is also the name of ${m}["ml"]: binding names are unique per cluster, ignoring case, ` +
      "so rename one of them.",
  },
  {
    name: "rejects empty roles",
    bindings: { ml: mlBinding({ roles: [] }) },
    key: "ml",
    field: "roles",
    message: (m) => `${m}["ml"].roles is empty: give one or more role strings such as ${EXAMPLE_ROLE}.`,
  },
  {
    name: "rejects a role without its source resource type",
    bindings: { ml: mlBinding({ roles: ["mlworkload"] }) },
    key: "ml",
    field: "roles",
    message: (m) =>
      `${m}["ml"].roles[0] "mlworkload" is not a role: write "<Namespace>/<resourceType>/<roleName>", e.g. ${EXAMPLE_ROLE}.`,
  },
  {
    name: "rejects a role listed twice",
    bindings: {
      ml: mlBinding({
        roles: [TrustedAccessRole.MachineLearningWorkload, TrustedAccessRole.MachineLearningWorkload],
      }),
    },
    key: "ml",
    field: "roles",
    message: (m) =>
      `${m}["ml"].roles[1] "${TrustedAccessRole.MachineLearningWorkload}" repeats roles[0]: list each role once.`,
  },
  {
    name: "rejects roles of two source resource types in one binding",
    bindings: {
      ml: mlBinding({ roles: [TrustedAccessRole.MachineLearningWorkload, TrustedAccessRole.BackupOperator] }),
    },
    key: "ml",
    field: "roles",
    message: (m) =>
      `${m}["ml"].roles mix source resource types "Microsoft.MachineLearningServices/workspaces" and ` +
      '"Microsoft.DataProtection/backupVaults": a binding serves one source, so give the roles of each type a ' +
      "binding of their own.",
  },
  {
    name: "rejects roles that are not a list (from JavaScript)",
    bindings: { ml: mlBinding({ roles: TrustedAccessRole.BackupOperator as unknown as string[] }) },
    key: "ml",
    field: "roles",
    message: (m) =>
      `${m}["ml"].roles "${TrustedAccessRole.BackupOperator}" is not a list of roles: give one or more role ` +
      `strings such as ${EXAMPLE_ROLE}.`,
  },
  {
    name: "rejects a source that is not an ARM id",
    bindings: { ml: mlBinding({ sourceResourceId: "my-workspace" }) },
    key: "ml",
    field: "sourceResourceId",
    message: (m) =>
      `${m}["ml"].sourceResourceId "my-workspace" is not an Azure resource id (it does not start with ` +
      `/subscriptions/): expected ${ARM_ID_FORMS}.`,
  },
  {
    name: "rejects a source whose subscription id is not a GUID",
    bindings: { ml: mlBinding({ sourceResourceId: WORKSPACE_ID.replace(/[0-9a-f-]{36}/, "prod") }) },
    key: "ml",
    field: "sourceResourceId",
    message: (m) =>
      `${m}["ml"].sourceResourceId "${WORKSPACE_ID.replace(/[0-9a-f-]{36}/, "prod")}" is not an Azure resource ` +
      `id (its subscription id "prod" is not a GUID): expected ${ARM_ID_FORMS}.`,
  },
  {
    name: "rejects a source that is not a string (from JavaScript)",
    bindings: { ml: mlBinding({ sourceResourceId: 42 as unknown as string }) },
    key: "ml",
    field: "sourceResourceId",
    message: (m) =>
      `${m}["ml"].sourceResourceId 42 is not an Azure resource id (it is not a string): expected ${ARM_ID_FORMS}.`,
  },
  {
    name: "rejects a source of another type than its roles need",
    bindings: { ml: mlBinding({ sourceResourceId: BACKUP_VAULT_ID }) },
    key: "ml",
    field: "sourceResourceId",
    message: (m) =>
      `${m}["ml"].sourceResourceId "${BACKUP_VAULT_ID}" is a "Microsoft.DataProtection/backupVaults" resource, ` +
      'but its roles need a "Microsoft.MachineLearningServices/workspaces" resource: point sourceResourceId at a ' +
      "Microsoft.MachineLearningServices/workspaces resource, or choose roles made for " +
      "Microsoft.DataProtection/backupVaults.",
  },
  {
    name: "rejects a second binding for the same source, ignoring case",
    bindings: { ml: mlBinding(), again: mlBinding({ sourceResourceId: WORKSPACE_ID.toUpperCase() }) },
    key: "again",
    field: "sourceResourceId",
    message: (m) =>
      `${m}["again"].sourceResourceId "${WORKSPACE_ID.toUpperCase()}" is also the source of ${m}["ml"]: give ` +
      "each source one binding that lists all its roles.",
  },
];

/** The case's bindings with the value it is about replaced. */
function withValue(c: BindingCase, replace: (value: unknown) => unknown): Bindings {
  const binding = c.bindings[c.key];
  return { ...c.bindings, [c.key]: { ...binding, [c.field]: replace(binding[c.field]) } };
}

function bindingNames(run: ProgramRun<unknown>): string[] {
  return run.registrations
    .filter((r) => r.type === BINDING)
    .map((r) => r.name)
    .sort();
}

const failureMessages = (run: ProgramRun<unknown>) => run.failures.map((e) => e.message);

for (const { component, prefix, map, run } of components) {
  describe(`${component} argument checks`, () => {
    for (const c of bindingCases) {
      const others = Object.keys(c.bindings).filter((k) => k !== c.key);

      it(`${c.name}, before registering any child`, async () => {
        const result = await run(c.bindings);
        assert.ok(
          result.thrown instanceof pulumi.ResourceError,
          `expected a ResourceError, got ${String(result.thrown)}`,
        );
        assert.strictEqual(result.thrown.message, prefix + c.message(map));
        assert.deepStrictEqual(
          result.registrations.map((r) => r.type),
          [`aks-trusted-access:index:${component}`],
        );
      });

      it(`${c.name}, given as an Output, failing that binding with the same message`, async () => {
        const result = await run(withValue(c, (value) => pulumi.output(value)));
        assert.strictEqual(result.thrown, undefined);
        assert.deepStrictEqual(failureMessages(result), [
          `error serializing property "${INPUT_OF[c.field]}": ${prefix}${c.message(map)}`,
        ]);
        assert.deepStrictEqual(bindingNames(result), others.map((k) => `prod-${k}`).sort());
      });

      it(`${c.name}, given as an Output known during preview`, async () => {
        const result = await run(
          withValue(c, (value) => pulumi.output(value)),
          { preview: true },
        );
        assert.deepStrictEqual(failureMessages(result), [
          `error serializing property "${INPUT_OF[c.field]}": ${prefix}${c.message(map)}`,
        ]);
      });

      it(`lets the value through while it is unknown during preview (${c.name.replace("rejects ", "")})`, async () => {
        const result = await run(
          withValue(c, () => notYetCreated("later")),
          { preview: true },
        );
        assert.strictEqual(result.thrown, undefined);
        assert.deepStrictEqual(result.failures, []);
        const binding = result.registrations.find((r) => r.type === BINDING && r.name === `prod-${c.key}`);
        assert.strictEqual(binding?.inputs[INPUT_OF[c.field]], UNKNOWN_INPUT);
      });
    }

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
        assert.ok(
          result.thrown instanceof pulumi.ResourceError,
          `expected a ResourceError, got ${String(result.thrown)}`,
        );
        assert.strictEqual(result.thrown.message, prefix + c.message);
        assert.deepStrictEqual(
          result.registrations.map((r) => r.type),
          [`aks-trusted-access:index:${component}`],
        );
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

describe("AksCluster cluster argument checks", () => {
  const cases = [
    {
      name: "rejects an empty resource group name",
      change: { resourceGroupName: "" },
      input: "resourceGroupName",
      message:
        'AksCluster "prod": resourceGroupName "" is not a resource group name: give the name of the resource group that holds the cluster.',
    },
    {
      name: "rejects a cluster name that starts with a hyphen",
      change: { clusterName: "-aks" },
      input: "resourceName",
      message:
        'AksCluster "prod": clusterName "-aks" is not a valid cluster name: use 1-63 letters, digits, hyphens or ' +
        "underscores, starting and ending with a letter or digit.",
    },
    {
      name: "rejects a cluster name longer than 63 characters",
      change: { clusterName: "a".repeat(64) },
      input: "resourceName",
      message:
        `AksCluster "prod": clusterName "${"a".repeat(64)}" is not a valid cluster name: use 1-63 letters, digits, ` +
        "hyphens or underscores, starting and ending with a letter or digit.",
    },
  ];
  for (const c of cases) {
    it(`${c.name}, before registering any child`, async () => {
      const result = await runProgram(({ AksCluster }) => new AksCluster("prod", clusterArgs(c.change)));
      assert.ok(result.thrown instanceof pulumi.ResourceError);
      assert.strictEqual(result.thrown.message, c.message);
      assert.deepStrictEqual(
        result.registrations.map((r) => r.type),
        ["aks-trusted-access:index:AksCluster"],
      );
    });

    it(`${c.name}, given as an Output, failing the cluster with the same message`, async () => {
      const asOutputs = Object.fromEntries(Object.entries(c.change).map(([k, v]) => [k, pulumi.output(v)]));
      const result = await runProgram(({ AksCluster }) => new AksCluster("prod", clusterArgs(asOutputs)));
      assert.strictEqual(result.thrown, undefined);
      assert.deepStrictEqual(failureMessages(result), [
        `error serializing property "${c.input}": ${c.message}`,
      ]);
      assert.deepStrictEqual(
        result.registrations.map((r) => r.type),
        ["aks-trusted-access:index:AksCluster"],
      );
    });
  }

  it("rejects a missing resource group (from JavaScript)", async () => {
    const args: Partial<AksClusterArgs> = { ...clusterArgs(), resourceGroupName: undefined };
    const result = await runProgram(({ AksCluster }) => new AksCluster("prod", args as AksClusterArgs));
    assert.ok(result.thrown instanceof pulumi.ResourceError);
    assert.strictEqual(
      result.thrown.message,
      'AksCluster "prod": resourceGroupName undefined is not a resource group name: give the name of the resource group that holds the cluster.',
    );
  });
});

describe("TrustedAccessBindings cluster argument checks", () => {
  const cases = [
    {
      name: "rejects an empty resource group name",
      change: { resourceGroupName: "" },
      input: "resourceGroupName",
      message:
        'TrustedAccessBindings "prod": resourceGroupName "" is not a resource group name: give the name of the ' +
        "resource group that holds the cluster.",
    },
    {
      name: "rejects a cluster name with a space",
      change: { clusterName: "my aks" },
      input: "resourceName",
      message:
        'TrustedAccessBindings "prod": clusterName "my aks" is not a valid cluster name: use 1-63 letters, digits, ' +
        "hyphens or underscores, starting and ending with a letter or digit.",
    },
  ];
  for (const c of cases) {
    it(`${c.name}, before registering any child`, async () => {
      const result = await runProgram(
        ({ TrustedAccessBindings }) => new TrustedAccessBindings("prod", bindingsArgs(c.change)),
      );
      assert.ok(result.thrown instanceof pulumi.ResourceError);
      assert.strictEqual(result.thrown.message, c.message);
      assert.deepStrictEqual(
        result.registrations.map((r) => r.type),
        ["aks-trusted-access:index:TrustedAccessBindings"],
      );
    });

    it(`${c.name}, given as an Output, failing every binding with the same message`, async () => {
      const asOutputs = Object.fromEntries(Object.entries(c.change).map(([k, v]) => [k, pulumi.output(v)]));
      const result = await runProgram(
        ({ TrustedAccessBindings }) => new TrustedAccessBindings("prod", bindingsArgs(asOutputs)),
      );
      const expected = `error serializing property "${c.input}": ${c.message}`;
      // One failure per binding (ml and backup), each its own error.
      assert.deepStrictEqual(failureMessages(result), [expected, expected]);
      assert.deepStrictEqual(bindingNames(result), []);
    });

    it(`lets the value through while it is unknown during preview (${c.name.replace("rejects ", "")})`, async () => {
      const unknown = Object.fromEntries(Object.keys(c.change).map((k) => [k, notYetCreated("later")]));
      const result = await runProgram(
        ({ TrustedAccessBindings }) => new TrustedAccessBindings("prod", bindingsArgs(unknown)),
        { preview: true },
      );
      assert.deepStrictEqual(result.failures, []);
      assert.deepStrictEqual(bindingNames(result), ["prod-backup", "prod-ml"]);
    });
  }
});
