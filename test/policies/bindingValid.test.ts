import * as assert from "assert";
import { TrustedAccessRole } from "../../domain";
import { bindingValid } from "../../policypack/policies";
import { runResourcePolicy } from "./support/policyRunner";
import {
  BACKUP_VAULT_ID,
  CLASSIC_BINDING,
  NATIVE_BINDING,
  NATIVE_BINDING_V20230901,
  NATIVE_CLUSTER,
  SUBSCRIPTION,
  classicBindingProps,
  nativeBindingInputs,
  resource,
  withField,
  withoutField,
} from "./support/resources";
import { UNKNOWN_ARRAY, UNKNOWN_STRING } from "./support/wire";

const ML = TrustedAccessRole.MachineLearningWorkload;
const BACKUP = TrustedAccessRole.BackupOperator;
const ARM_ID_FORMS =
  '"/subscriptions/<subscription-id>/resourceGroups/<group>/providers/<Namespace>/<type>/<name>" or ' +
  '"/subscriptions/<subscription-id>/providers/<Namespace>/<type>/<name>"';
const ROLE_HINT = '"Microsoft.MachineLearningServices/workspaces/mlworkload"';
const PREFIX = 'Trusted Access role binding "aks-ml": ';

interface Case {
  readonly name: string;
  readonly type: string;
  readonly props: object;
  readonly expected: string[];
}

describe("aks-trusted-access-binding-valid", () => {
  const cases: Case[] = [
    {
      name: "passes a valid azure-native binding",
      type: NATIVE_BINDING,
      props: nativeBindingInputs(),
      expected: [],
    },
    {
      name: "passes a valid classic binding",
      type: CLASSIC_BINDING,
      props: classicBindingProps(),
      expected: [],
    },
    {
      name: "passes a Defender binding whose source is a subscription-scoped child of a pricing",
      type: NATIVE_BINDING,
      props: nativeBindingInputs({
        roles: [TrustedAccessRole.DefenderOperator],
        sourceResourceId: `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.Security/pricings/CloudPosture/securityOperators/DefenderCSPMSecurityOperator`,
      }),
      expected: [],
    },
    {
      name: "passes a role the catalog does not hold (Azure adds roles by region; only a warning elsewhere)",
      type: NATIVE_BINDING,
      props: nativeBindingInputs({ roles: ["Microsoft.MachineLearningServices/workspaces/future-role"] }),
      expected: [],
    },
    {
      name: "flags a binding name longer than 24 characters",
      type: NATIVE_BINDING,
      props: nativeBindingInputs({ trustedAccessRoleBindingName: "a".repeat(25) }),
      expected: [
        `${PREFIX}trustedAccessRoleBindingName "${"a".repeat(25)}" is not a valid binding name: use 1-24 letters, digits or hyphens.`,
      ],
    },
    {
      name: "flags a binding name with an underscore, in an API-version module",
      type: NATIVE_BINDING_V20230901,
      props: nativeBindingInputs({ trustedAccessRoleBindingName: "ml_workload" }),
      expected: [
        `${PREFIX}trustedAccessRoleBindingName "ml_workload" is not a valid binding name: use 1-24 letters, digits or hyphens.`,
      ],
    },
    {
      name: "flags a classic binding name under its own field name",
      type: CLASSIC_BINDING,
      props: classicBindingProps({ name: "ml workload" }),
      expected: [
        `${PREFIX}name "ml workload" is not a valid binding name: use 1-24 letters, digits or hyphens.`,
      ],
    },
    {
      name: "flags a classic binding without a name",
      type: CLASSIC_BINDING,
      props: withoutField(classicBindingProps(), "name"),
      expected: [`${PREFIX}name undefined is not a valid binding name: use 1-24 letters, digits or hyphens.`],
    },
    {
      name: "leaves an absent azure-native binding name to the provider, which names it",
      type: NATIVE_BINDING,
      props: withoutField(nativeBindingInputs(), "trustedAccessRoleBindingName"),
      expected: [],
    },
    {
      name: "flags an empty roles list",
      type: NATIVE_BINDING,
      props: nativeBindingInputs({ roles: [] }),
      expected: [`${PREFIX}roles is empty: give one or more role strings such as ${ROLE_HINT}.`],
    },
    {
      name: "flags roles given as one string instead of a list",
      type: NATIVE_BINDING,
      props: withField(nativeBindingInputs(), "roles", ML),
      expected: [
        `${PREFIX}roles "${ML}" is not a list of roles: give one or more role strings such as ${ROLE_HINT}.`,
      ],
    },
    {
      name: "flags null roles",
      type: CLASSIC_BINDING,
      props: withField(classicBindingProps(), "roles", null),
      expected: [
        `${PREFIX}roles null is not a list of roles: give one or more role strings such as ${ROLE_HINT}.`,
      ],
    },
    {
      name: "flags a role without its source resource type",
      type: NATIVE_BINDING,
      props: nativeBindingInputs({ roles: ["mlworkload"] }),
      expected: [
        `${PREFIX}roles[0] "mlworkload" is not a role: write "<Namespace>/<resourceType>/<roleName>", e.g. ${ROLE_HINT}.`,
      ],
    },
    {
      name: "flags a role that is not a string",
      type: NATIVE_BINDING,
      props: withField(nativeBindingInputs(), "roles", [ML, 7]),
      expected: [
        `${PREFIX}roles[1] 7 is not a role: write "<Namespace>/<resourceType>/<roleName>", e.g. ${ROLE_HINT}.`,
      ],
    },
    {
      name: "flags a role listed twice, ignoring case",
      type: NATIVE_BINDING,
      props: nativeBindingInputs({ roles: [ML, ML.toUpperCase()] }),
      expected: [`${PREFIX}roles[1] "${ML.toUpperCase()}" repeats roles[0]: list each role once.`],
    },
    {
      name: "flags roles of two source resource types in one binding",
      type: NATIVE_BINDING,
      props: nativeBindingInputs({ roles: [ML, BACKUP] }),
      expected: [
        `${PREFIX}roles mix source resource types "Microsoft.MachineLearningServices/workspaces" and ` +
          '"Microsoft.DataProtection/backupVaults": a binding serves one source, so give the roles of each type a ' +
          "binding of their own.",
      ],
    },
    {
      name: "flags a source of another type than the roles need",
      type: NATIVE_BINDING,
      props: nativeBindingInputs({ roles: [BACKUP] }),
      expected: [
        `${PREFIX}sourceResourceId "/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/mlw" ` +
          'is a "Microsoft.MachineLearningServices/workspaces" resource, but its role ' +
          '"Microsoft.DataProtection/backupVaults/backup-operator" needs a ' +
          '"Microsoft.DataProtection/backupVaults" resource: point sourceResourceId at a ' +
          "Microsoft.DataProtection/backupVaults resource, or choose roles made for " +
          "Microsoft.MachineLearningServices/workspaces.",
      ],
    },
    {
      name: "flags a source that is not an ARM id",
      type: CLASSIC_BINDING,
      props: classicBindingProps({ sourceResourceId: "mlw" }),
      expected: [
        `${PREFIX}sourceResourceId "mlw" is not an Azure resource id (it does not start with /subscriptions/): expected ${ARM_ID_FORMS}.`,
      ],
    },
    {
      name: "flags a missing source",
      type: NATIVE_BINDING,
      props: withoutField(nativeBindingInputs(), "sourceResourceId"),
      expected: [
        `${PREFIX}sourceResourceId undefined is not an Azure resource id (it is not a string): expected ${ARM_ID_FORMS}.`,
      ],
    },
    {
      name: "flags an azure-native cluster name that breaks the AKS naming rule",
      type: NATIVE_BINDING,
      props: nativeBindingInputs({ resourceName: "-aks" }),
      expected: [
        `${PREFIX}resourceName "-aks" is not a valid AKS cluster name: use 1-63 letters, digits, hyphens or ` +
          "underscores, starting and ending with a letter or digit.",
      ],
    },
    {
      name: "flags a classic kubernetesClusterId that is not an AKS cluster id",
      type: CLASSIC_BINDING,
      props: classicBindingProps({ kubernetesClusterId: BACKUP_VAULT_ID }),
      expected: [
        `${PREFIX}kubernetesClusterId "${BACKUP_VAULT_ID}" is not an AKS cluster id: expected ` +
          '"/subscriptions/<subscription-id>/resourceGroups/<group>/providers/Microsoft.ContainerService/managedClusters/<cluster>".',
      ],
    },
    {
      name: "reports every broken field of one binding",
      type: CLASSIC_BINDING,
      props: classicBindingProps({ name: "", roles: [] }),
      expected: [
        `${PREFIX}name "" is not a valid binding name: use 1-24 letters, digits or hyphens.`,
        `${PREFIX}roles is empty: give one or more role strings such as ${ROLE_HINT}.`,
      ],
    },
    {
      name: "skips a name unknown during preview but still checks the known roles",
      type: NATIVE_BINDING,
      props: nativeBindingInputs({ trustedAccessRoleBindingName: UNKNOWN_STRING, roles: [] }),
      expected: [`${PREFIX}roles is empty: give one or more role strings such as ${ROLE_HINT}.`],
    },
    {
      name: "skips roles unknown during preview",
      type: NATIVE_BINDING,
      props: withField(nativeBindingInputs(), "roles", UNKNOWN_ARRAY),
      expected: [],
    },
    {
      name: "skips the source-type match while one role is unknown, but checks the known role",
      type: NATIVE_BINDING,
      props: nativeBindingInputs({ roles: [UNKNOWN_STRING, "backup"] }),
      expected: [
        `${PREFIX}roles[1] "backup" is not a role: write "<Namespace>/<resourceType>/<roleName>", e.g. ${ROLE_HINT}.`,
      ],
    },
    {
      name: "skips the source-type match while the source is unknown (a workspace created in the same preview)",
      type: NATIVE_BINDING,
      props: nativeBindingInputs({ roles: [BACKUP], sourceResourceId: UNKNOWN_STRING }),
      expected: [],
    },
    {
      name: "skips a cluster name or id unknown during preview",
      type: CLASSIC_BINDING,
      props: classicBindingProps({ kubernetesClusterId: UNKNOWN_STRING }),
      expected: [],
    },
    {
      name: "ignores resources that are not bindings",
      type: NATIVE_CLUSTER,
      props: nativeBindingInputs({ roles: [] }),
      expected: [],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const violations = await runResourcePolicy(bindingValid, resource(c.type, "aks-ml", c.props));
      assert.deepStrictEqual(
        violations.map((v) => v.message),
        c.expected,
      );
    });
  }
});
