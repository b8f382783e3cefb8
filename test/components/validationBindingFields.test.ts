import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ARM_ID_FORMS, TrustedAccessRole } from "../../domain";
import { BACKUP_VAULT_ID, OTHER_WORKSPACE_ID, WORKSPACE_ID, mlBinding } from "./support/fixtures";
import { UNKNOWN_INPUT, notYetCreated } from "./support/harness";
import {
  BINDING,
  Bindings,
  EXAMPLE_ROLE,
  assertRefusedBeforeChildren,
  bindingNames,
  components,
  failureMessages,
} from "./support/validation";

type BindingField = "name" | "roles" | "sourceResourceId";

/** The resource input that each binding field feeds, as Pulumi names it when its registration fails. */
const INPUT_OF: Record<BindingField, string> = {
  name: "trustedAccessRoleBindingName",
  roles: "roles",
  sourceResourceId: "sourceResourceId",
};

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
      'but its roles "Microsoft.MachineLearningServices/workspaces/mlworkload" and ' +
      '"Microsoft.MachineLearningServices/workspaces/inference-v1" need a ' +
      '"Microsoft.MachineLearningServices/workspaces" resource: point sourceResourceId at a ' +
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

for (const { component, prefix, map, run } of components) {
  describe(`${component} argument checks: binding fields`, () => {
    for (const c of bindingCases) {
      const others = Object.keys(c.bindings).filter((k) => k !== c.key);

      it(`${c.name}, before registering any child`, async () => {
        const result = await run(c.bindings);
        assertRefusedBeforeChildren(result, prefix + c.message(map), component);
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
  });
}
