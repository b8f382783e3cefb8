/**
 * Where each azure-native resource type lives in ARM, for the types our programs and fixtures declare. The real
 * provider reads this from metadata built into its binary; the stand-in keeps a table and refuses any type outside
 * it, naming the type and this file, rather than inventing an id.
 *
 * A path is relative to its scope: `rg` types live under `/subscriptions/{sub}/resourceGroups/{resourceGroupName}`,
 * `subscription` types under `/subscriptions/{sub}`, `scope` types under the resource their `scope` input names.
 * Its `{placeholders}` are input names: with the scope's, they are the URL's path parameters, which Azure cannot
 * change in place.
 */
export interface ArmType {
  readonly scope: "rg" | "subscription" | "scope";
  readonly path: string;
  /** Whether the resource takes a `location` (child resources and global ones do not). */
  readonly located: boolean;
}

const CLUSTER = "Microsoft.ContainerService/managedClusters/{resourceName}";

const ARM_TYPES: Readonly<Record<string, ArmType>> = {
  "resources:ResourceGroup": {
    scope: "subscription",
    path: "resourceGroups/{resourceGroupName}",
    located: true,
  },
  "containerservice:ManagedCluster": { scope: "rg", path: CLUSTER, located: true },
  "containerservice:AgentPool": {
    scope: "rg",
    path: `${CLUSTER}/agentPools/{agentPoolName}`,
    located: false,
  },
  "containerservice:TrustedAccessRoleBinding": {
    scope: "rg",
    path: `${CLUSTER}/trustedAccessRoleBindings/{trustedAccessRoleBindingName}`,
    located: false,
  },
  "containerservice:MaintenanceConfiguration": {
    scope: "rg",
    path: `${CLUSTER}/maintenanceConfigurations/{configName}`,
    located: false,
  },
  "machinelearningservices:Workspace": {
    scope: "rg",
    path: "Microsoft.MachineLearningServices/workspaces/{workspaceName}",
    located: true,
  },
  "dataprotection:BackupVault": {
    scope: "rg",
    path: "Microsoft.DataProtection/backupVaults/{vaultName}",
    located: true,
  },
  "recoveryservices:Vault": {
    scope: "rg",
    path: "Microsoft.RecoveryServices/vaults/{vaultName}",
    located: true,
  },
  "managedidentity:UserAssignedIdentity": {
    scope: "rg",
    path: "Microsoft.ManagedIdentity/userAssignedIdentities/{resourceName}",
    located: true,
  },
  "keyvault:Vault": { scope: "rg", path: "Microsoft.KeyVault/vaults/{vaultName}", located: true },
  "keyvault:Key": {
    scope: "rg",
    path: "Microsoft.KeyVault/vaults/{vaultName}/keys/{keyName}",
    located: false,
  },
  "storage:StorageAccount": {
    scope: "rg",
    path: "Microsoft.Storage/storageAccounts/{accountName}",
    located: true,
  },
  "applicationinsights:Component": {
    scope: "rg",
    path: "Microsoft.Insights/components/{resourceName}",
    located: true,
  },
  "operationalinsights:Workspace": {
    scope: "rg",
    path: "Microsoft.OperationalInsights/workspaces/{workspaceName}",
    located: true,
  },
  "network:VirtualNetwork": {
    scope: "rg",
    path: "Microsoft.Network/virtualNetworks/{virtualNetworkName}",
    located: true,
  },
  "network:Subnet": {
    scope: "rg",
    path: "Microsoft.Network/virtualNetworks/{virtualNetworkName}/subnets/{subnetName}",
    located: false,
  },
  "authorization:RoleAssignment": {
    scope: "scope",
    path: "Microsoft.Authorization/roleAssignments/{roleAssignmentName}",
    located: false,
  },
};

/** `azure-native:<module>[/<api version>]:<Type>` */
const TOKEN = /^azure-native:([a-z0-9]+)(?:\/v[0-9a-z]+)?:([A-Za-z0-9]+)$/;

/** The type's row, or an error message naming the type and this table. */
export function armType(type: string): ArmType | string {
  const match = TOKEN.exec(type);
  const row = match ? ARM_TYPES[`${match[1]}:${match[2]}`] : undefined;
  return (
    row ??
    `the azure-native stand-in does not know where ${type} lives in ARM; add its path to test/realCli/standin/armTypes.ts`
  );
}

/** The input names of a type's path parameters, its scope's included, in URL order. */
export function pathParameters(row: ArmType): string[] {
  const own = [...row.path.matchAll(/\{([A-Za-z0-9]+)\}/g)].map((m) => m[1]);
  const scope = row.scope === "rg" ? ["resourceGroupName"] : row.scope === "scope" ? ["scope"] : [];
  return [...scope, ...own];
}

/** The ARM resource type of a row: `Microsoft.ContainerService/managedClusters/trustedAccessRoleBindings`. */
export function armResourceType(row: ArmType): string {
  const segments = row.path.split("/");
  if (row.scope === "subscription") return "Microsoft.Resources/resourceGroups";
  return [segments[0], ...segments.slice(1).filter((_, i) => i % 2 === 0)].join("/");
}

/** The resource's ARM id from its inputs, which must hold every path parameter as a string. */
export function armId(
  row: ArmType,
  inputs: Readonly<Record<string, unknown>>,
  subscriptionId: string,
): string {
  const path = row.path.replace(/\{([A-Za-z0-9]+)\}/g, (_, name: string) => String(inputs[name]));
  switch (row.scope) {
    case "subscription":
      return `/subscriptions/${subscriptionId}/${path}`;
    case "rg":
      return `/subscriptions/${subscriptionId}/resourceGroups/${String(inputs.resourceGroupName)}/providers/${path}`;
    case "scope":
      return `${String(inputs.scope)}/providers/${path}`;
  }
}
