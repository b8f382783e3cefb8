import snapshot from "./data/trusted-access-roles.westeurope.json";

/** One Kubernetes ClusterRole rule of a Trusted Access role. */
export interface RoleRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
}

/** A role Azure offers, as `az aks trustedaccess role list` shows it. */
export interface CatalogRole {
  /** The role string used in bindings, `<sourceResourceType>/<name>`. */
  readonly role: string;
  readonly sourceResourceType: string;
  readonly name: string;
  readonly rules: readonly RoleRule[];
}

/** The roles known to this package, by name. Azure adds roles by region: other role strings are allowed too. */
export const TrustedAccessRole = {
  MachineLearningWorkload: "Microsoft.MachineLearningServices/workspaces/mlworkload",
  MachineLearningInference: "Microsoft.MachineLearningServices/workspaces/inference-v1",
  BackupOperator: "Microsoft.DataProtection/backupVaults/backup-operator",
  DefenderOperator: "Microsoft.Security/pricings/microsoft-defender-operator",
  DefenderPolicyOperator: "Microsoft.Security/pricings/microsoft-defender-policy-operator",
  DefenderNetworkPolicyOperator: "Microsoft.Security/pricings/microsoft-defender-network-policy-operator",
  DefenderResponseOperator: "Microsoft.Security/pricings/mdc-response-operator",
} as const;
export type TrustedAccessRole = (typeof TrustedAccessRole)[keyof typeof TrustedAccessRole];

/** Where the catalog comes from, for messages. */
export const CATALOG_LOCATION: string = snapshot.location;

/** Every role of the built-in snapshot, with its rules. */
export const catalogRoles: readonly CatalogRole[] = snapshot.roles.map((r) => ({
  role: `${r.sourceResourceType}/${r.name}`,
  sourceResourceType: r.sourceResourceType,
  name: r.name,
  rules: r.rules.map((rule) => ({ apiGroups: rule.apiGroups, resources: rule.resources, verbs: rule.verbs })),
}));

const byLowerCaseRole = new Map(catalogRoles.map((r) => [r.role.toLowerCase(), r]));

/** The catalog entry of a role string, compared case-insensitively as Azure does. */
export function findCatalogRole(role: string): CatalogRole | undefined {
  return byLowerCaseRole.get(role.toLowerCase());
}

/** The warning for a well-formed role the catalog does not hold: allowed, but worth a look. */
export function uncataloguedRoleWarning(subject: string, role: string): string {
  return (
    `${subject} "${role}" is not in this package's role catalog (a ${CATALOG_LOCATION} snapshot). ` +
    "Azure adds roles by region: check that your cluster's region offers it with " +
    "`az aks trustedaccess role list --location <cluster-location>`."
  );
}
