import * as assert from "assert";
import {
  TrustedAccessRole,
  catalogRoles,
  findCatalogRole,
  parseRole,
  privilegeReasons,
  roleAcceptsSource,
} from "../../domain";

describe("parseRole", () => {
  it("splits a role into source type, namespace, first type and role name", () => {
    assert.deepStrictEqual(parseRole("Microsoft.MachineLearningServices/workspaces/inference-v1"), {
      role: "Microsoft.MachineLearningServices/workspaces/inference-v1",
      sourceResourceType: "Microsoft.MachineLearningServices/workspaces",
      namespace: "Microsoft.MachineLearningServices",
      firstType: "workspaces",
      roleName: "inference-v1",
    });
  });
  for (const bad of [
    "mlworkload",
    "Microsoft.MachineLearningServices/mlworkload",
    "Microsoft/workspaces/x",
    "Microsoft.A//x",
    "Microsoft.A/b/",
    " Microsoft.A/b/c",
  ]) {
    it(`refuses ${JSON.stringify(bad)}`, () => assert.strictEqual(parseRole(bad), undefined));
  }
});

describe("roleAcceptsSource", () => {
  const defender = parseRole(TrustedAccessRole.DefenderOperator)!;
  it("accepts a child of the role's source type, ignoring case (Defender CSPM's security operator)", () => {
    assert.strictEqual(roleAcceptsSource(defender, "microsoft.security", "Pricings"), true);
  });
  it("refuses a source of another first type in the same namespace", () => {
    assert.strictEqual(roleAcceptsSource(defender, "Microsoft.Security", "assessments"), false);
  });
});

describe("the role catalog", () => {
  it("holds every role of the westeurope snapshot under its role string", () => {
    assert.deepStrictEqual(
      catalogRoles.map((r) => r.role),
      [
        TrustedAccessRole.MachineLearningWorkload,
        TrustedAccessRole.BackupOperator,
        TrustedAccessRole.MachineLearningInference,
        TrustedAccessRole.DefenderOperator,
        TrustedAccessRole.DefenderPolicyOperator,
        TrustedAccessRole.DefenderNetworkPolicyOperator,
        TrustedAccessRole.DefenderResponseOperator,
      ],
    );
  });
  it("finds a role whatever its case, as Azure does", () => {
    assert.strictEqual(
      findCatalogRole("microsoft.dataprotection/BACKUPVAULTS/backup-operator")?.name,
      "backup-operator",
    );
  });
  it("finds no role that is not in the snapshot", () => {
    assert.strictEqual(findCatalogRole("Microsoft.Foo/bars/baz"), undefined);
  });
});

describe("privilegeReasons", () => {
  it("names all three powers of inference-v1 from its real rules", () => {
    assert.deepStrictEqual(
      privilegeReasons(findCatalogRole(TrustedAccessRole.MachineLearningInference)!.rules),
      [
        "reads or writes secrets",
        "allows pods/exec",
        "writes RBAC objects (clusterroles, clusterrolebindings)",
      ],
    );
  });
  it("finds nothing in the roles that only touch their own objects", () => {
    const others = catalogRoles.filter((r) => r.role !== TrustedAccessRole.MachineLearningInference);
    assert.deepStrictEqual(
      others.map((r) => privilegeReasons(r.rules)),
      others.map(() => []),
    );
  });
  it("reads a wildcard resource in the core group as touching secrets and pods/exec", () => {
    assert.deepStrictEqual(privilegeReasons([{ apiGroups: [""], resources: ["*"], verbs: ["get"] }]), [
      "reads or writes secrets",
      "allows pods/exec",
    ]);
  });
  it("does not count read-only RBAC access as writing RBAC objects", () => {
    assert.deepStrictEqual(
      privilegeReasons([
        { apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"], verbs: ["get", "list"] },
      ]),
      [],
    );
  });
  it("counts bind and escalate as RBAC writes", () => {
    assert.deepStrictEqual(
      privilegeReasons([{ apiGroups: ["rbac.authorization.k8s.io"], resources: ["roles"], verbs: ["bind"] }]),
      ["writes RBAC objects (roles)"],
    );
  });
});
