import * as assert from "assert";
import { BindingFields, TrustedAccessRole, UNKNOWN, checkBinding, checkBindingSet } from "../../domain";

const SUB = "00000000-0000-0000-0000-00000000000a";
const OTHER_SUB = "00000000-0000-0000-0000-00000000000b";
const WORKSPACE = `/subscriptions/${SUB}/resourceGroups/ml/providers/Microsoft.MachineLearningServices/workspaces/ws`;
const RSV = `/subscriptions/${SUB}/resourceGroups/bk/providers/Microsoft.RecoveryServices/vaults/v`;
const ROLE_FORM_HINT =
  'write "<Namespace>/<resourceType>/<roleName>", e.g. "Microsoft.MachineLearningServices/workspaces/mlworkload".';

const valid: BindingFields = {
  label: 'trustedAccess["ml"]',
  name: "ml",
  roles: [TrustedAccessRole.MachineLearningWorkload, TrustedAccessRole.MachineLearningInference],
  sourceResourceId: WORKSPACE,
};

describe("checkBinding", () => {
  it("accepts the Azure ML pair of roles bound to a workspace", () => {
    assert.deepStrictEqual(checkBinding(valid), { errors: [], warnings: [] });
  });

  const cases: { name: string; change: Partial<BindingFields>; errors: string[] }[] = [
    {
      name: "a name with an underscore",
      change: { name: "ml_1" },
      errors: [
        'trustedAccess["ml"].name "ml_1" is not a valid binding name: use 1-24 letters, digits or hyphens.',
      ],
    },
    {
      name: "a name of 25 characters",
      change: { name: "a".repeat(25) },
      errors: [
        `trustedAccess["ml"].name "${"a".repeat(25)}" is not a valid binding name: use 1-24 letters, digits or hyphens.`,
      ],
    },
    {
      name: "an empty name",
      change: { name: "" },
      errors: [
        'trustedAccess["ml"].name "" is not a valid binding name: use 1-24 letters, digits or hyphens.',
      ],
    },
    {
      name: "a name that is a number",
      change: { name: 7 },
      errors: [
        'trustedAccess["ml"].name 7 is not a valid binding name: use 1-24 letters, digits or hyphens.',
      ],
    },
    {
      name: "no roles",
      change: { roles: [] },
      errors: [
        'trustedAccess["ml"].roles is empty: give one or more role strings such as "Microsoft.MachineLearningServices/workspaces/mlworkload".',
      ],
    },
    {
      name: "roles given as one string",
      change: { roles: TrustedAccessRole.MachineLearningWorkload },
      errors: [
        'trustedAccess["ml"].roles "Microsoft.MachineLearningServices/workspaces/mlworkload" is not a list of roles: give one or more role strings such as "Microsoft.MachineLearningServices/workspaces/mlworkload".',
      ],
    },
    {
      name: "a bare role name",
      change: { roles: ["mlworkload"] },
      errors: [`trustedAccess["ml"].roles[0] "mlworkload" is not a role: ${ROLE_FORM_HINT}`],
    },
    {
      name: "a null role",
      change: { roles: [TrustedAccessRole.MachineLearningWorkload, null] },
      errors: [`trustedAccess["ml"].roles[1] null is not a role: ${ROLE_FORM_HINT}`],
    },
    {
      name: "a role listed twice in another case",
      change: {
        roles: [
          TrustedAccessRole.MachineLearningWorkload,
          TrustedAccessRole.MachineLearningWorkload.toUpperCase(),
        ],
      },
      errors: [
        'trustedAccess["ml"].roles[1] "MICROSOFT.MACHINELEARNINGSERVICES/WORKSPACES/MLWORKLOAD" repeats roles[0]: list each role once.',
      ],
    },
    {
      name: "roles of two source types",
      change: { roles: [TrustedAccessRole.MachineLearningWorkload, TrustedAccessRole.BackupOperator] },
      errors: [
        'trustedAccess["ml"].roles mix source resource types "Microsoft.MachineLearningServices/workspaces" and "Microsoft.DataProtection/backupVaults": a binding serves one source, so give the roles of each type a binding of their own.',
      ],
    },
    {
      name: "a source that is a bare name",
      change: { sourceResourceId: "ws" },
      errors: [
        'trustedAccess["ml"].sourceResourceId "ws" is not an Azure resource id (it does not start with /subscriptions/): expected "/subscriptions/<subscription-id>/resourceGroups/<group>/providers/<Namespace>/<type>/<name>" or "/subscriptions/<subscription-id>/providers/<Namespace>/<type>/<name>".',
      ],
    },
    {
      name: "a missing source",
      change: { sourceResourceId: undefined },
      errors: [
        'trustedAccess["ml"].sourceResourceId undefined is not an Azure resource id (it is not a string): expected "/subscriptions/<subscription-id>/resourceGroups/<group>/providers/<Namespace>/<type>/<name>" or "/subscriptions/<subscription-id>/providers/<Namespace>/<type>/<name>".',
      ],
    },
    {
      name: "a backup role bound to a Recovery Services vault (Azure answers 400)",
      change: { roles: [TrustedAccessRole.BackupOperator], sourceResourceId: RSV },
      errors: [
        `trustedAccess["ml"].sourceResourceId "${RSV}" is a "Microsoft.RecoveryServices/vaults" resource, but its role "Microsoft.DataProtection/backupVaults/backup-operator" needs a "Microsoft.DataProtection/backupVaults" resource: point sourceResourceId at a Microsoft.DataProtection/backupVaults resource, or choose roles made for Microsoft.RecoveryServices/vaults.`,
      ],
    },
    {
      name: "the Azure ML roles bound to a Recovery Services vault, naming both roles",
      change: { sourceResourceId: RSV },
      errors: [
        `trustedAccess["ml"].sourceResourceId "${RSV}" is a "Microsoft.RecoveryServices/vaults" resource, but its roles "Microsoft.MachineLearningServices/workspaces/mlworkload" and "Microsoft.MachineLearningServices/workspaces/inference-v1" need a "Microsoft.MachineLearningServices/workspaces" resource: point sourceResourceId at a Microsoft.MachineLearningServices/workspaces resource, or choose roles made for Microsoft.RecoveryServices/vaults.`,
      ],
    },
  ];
  for (const c of cases) {
    it(`rejects ${c.name}`, () => {
      assert.deepStrictEqual(checkBinding({ ...valid, ...c.change }).errors, c.errors);
    });
  }

  it("names the azure-native name field and leaves fields bare when the label is empty", () => {
    assert.deepStrictEqual(
      checkBinding({ ...valid, label: "", nameField: "trustedAccessRoleBindingName", name: "a.b" }).errors,
      [
        'trustedAccessRoleBindingName "a.b" is not a valid binding name: use 1-24 letters, digits or hyphens.',
      ],
    );
  });

  it("accepts Defender CSPM's subscription-scoped security operator as a pricings source", () => {
    const source = `/subscriptions/${SUB}/providers/Microsoft.Security/pricings/CloudPosture/securityOperators/DefenderCSPMSecurityOperator`;
    assert.deepStrictEqual(
      checkBinding({ ...valid, roles: [TrustedAccessRole.DefenderOperator], sourceResourceId: source }),
      {
        errors: [],
        warnings: [],
      },
    );
  });

  it("allows a role missing from the catalog, with a warning that says how to check it", () => {
    const findings = checkBinding({
      ...valid,
      roles: ["Microsoft.MachineLearningServices/workspaces/new-role"],
    });
    assert.deepStrictEqual(findings, {
      errors: [],
      warnings: [
        'trustedAccess["ml"].roles[0] "Microsoft.MachineLearningServices/workspaces/new-role" is not in this package\'s role catalog (a westeurope snapshot). Azure adds roles by region: check that your cluster\'s region offers it with `az aks trustedaccess role list --location <cluster-location>`.',
      ],
    });
  });

  it("checks nothing that needs an unknown value, and still checks the known ones", () => {
    assert.deepStrictEqual(
      checkBinding({ ...valid, name: "bad name", roles: UNKNOWN, sourceResourceId: UNKNOWN }).errors,
      [
        'trustedAccess["ml"].name "bad name" is not a valid binding name: use 1-24 letters, digits or hyphens.',
      ],
    );
    assert.deepStrictEqual(checkBinding({ ...valid, roles: [UNKNOWN], sourceResourceId: RSV }).errors, []);
  });
});

describe("checkBindingSet", () => {
  const binding = (key: string, name: unknown, source: unknown) => ({
    label: `trustedAccess["${key}"]`,
    name,
    sourceResourceId: source,
  });

  it("accepts eight bindings with distinct names and sources", () => {
    const eight = Array.from({ length: 8 }, (_, i) => binding(`b${i}`, `b${i}`, `${WORKSPACE}${i}`));
    assert.deepStrictEqual(checkBindingSet(eight, SUB), { errors: [], warnings: [] });
  });
  it("rejects a ninth binding, listing them", () => {
    const nine = Array.from({ length: 9 }, (_, i) => binding(`b${i}`, `b${i}`, `${WORKSPACE}${i}`));
    assert.deepStrictEqual(checkBindingSet(nine).errors, [
      `9 Trusted Access bindings (${nine.map((b) => b.label).join(", ")}) target one cluster, but Azure allows at most 8: merge or remove 1 of them.`,
    ]);
  });
  it("rejects two names that differ only in case", () => {
    assert.deepStrictEqual(checkBindingSet([binding("a", "ML", WORKSPACE), binding("b", "ml", RSV)]).errors, [
      'trustedAccess["b"].name "ml" is also the name of trustedAccess["a"]: binding names are unique per cluster, ignoring case, so rename one of them.',
    ]);
  });
  it("rejects two bindings of one source", () => {
    assert.deepStrictEqual(
      checkBindingSet([binding("a", "a", WORKSPACE), binding("b", "b", WORKSPACE.toLowerCase())]).errors,
      [
        `trustedAccess["b"].sourceResourceId "${WORKSPACE.toLowerCase()}" is also the source of trustedAccess["a"]: give each source one binding that lists all its roles.`,
      ],
    );
  });
  it("warns when the source is in another subscription than the cluster", () => {
    const source = WORKSPACE.replace(SUB, OTHER_SUB);
    assert.deepStrictEqual(checkBindingSet([binding("a", "a", source)], SUB), {
      errors: [],
      warnings: [
        `trustedAccess["a"].sourceResourceId is in subscription ${OTHER_SUB}, but the cluster is in subscription ${SUB}: Azure documents Trusted Access for sources in the cluster's own subscription.`,
      ],
    });
  });
  it("compares nothing that is unknown", () => {
    assert.deepStrictEqual(
      checkBindingSet([binding("a", UNKNOWN, UNKNOWN), binding("b", UNKNOWN, UNKNOWN)], SUB),
      { errors: [], warnings: [] },
    );
  });
});
