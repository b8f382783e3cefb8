import { createHash } from "crypto";

/**
 * azure-native names a resource itself when the program leaves out its name: its Check fills the resource's name
 * parameter with the Pulumi name plus 8 random hex digits (`aks` becomes `aks1a2b3c4d`), or a random UUID for
 * types named by GUID. A real preview sends those names to the policies, so this simulation fills them too —
 * from a hash of its type and name instead of randomness, so that the same program always gives the same report.
 *
 * The provider keeps which parameter is the name in metadata its npm package does not ship. The table holds the
 * types a Trusted Access stack uses; other types follow the SDK's convention (`<resource>Name`, e.g.
 * `virtualNetworkName`) when their SDK declares that input (see {@link declaresInput}).
 */
const NAME_PARAMETER: Readonly<Record<string, string>> = {
  "containerservice:ManagedCluster": "resourceName",
  "containerservice:AgentPool": "agentPoolName",
  "containerservice:TrustedAccessRoleBinding": "trustedAccessRoleBindingName",
  "containerservice:MaintenanceConfiguration": "configName",
  "resources:ResourceGroup": "resourceGroupName",
  "applicationinsights:Component": "resourceName",
  "machinelearningservices:Workspace": "workspaceName",
  "dataprotection:BackupVault": "vaultName",
  "dataprotection:BackupInstance": "backupInstanceName",
  "recoveryservices:Vault": "vaultName",
  "managedidentity:UserAssignedIdentity": "resourceName",
  "keyvault:Vault": "vaultName",
  "storage:StorageAccount": "accountName",
  "operationalinsights:Workspace": "workspaceName",
  "network:VirtualNetwork": "virtualNetworkName",
  "network:Subnet": "subnetName",
};

/** Types named by a GUID (azure-native's "uuid" autonaming). */
const UUID_NAMED: Readonly<Record<string, string>> = {
  "authorization:RoleAssignment": "roleAssignmentName",
};

const TOKEN = /^azure-native:([a-z0-9]+)(?:\/v[0-9]+(?:preview)?)?:([A-Za-z0-9]+)$/;

/** How azure-native names a resource of a type: which input holds the name, and whether it is a GUID. */
export interface AzureNativeNaming {
  readonly property: string;
  readonly uuid: boolean;
}

/**
 * Which input names a resource of `type`, or `undefined` when the type is not azure-native or names itself otherwise.
 *
 * @param declaresInput whether the type's SDK class takes an input of that name (for types not in the table)
 */
export function azureNativeNaming(
  type: string,
  declaresInput: (type: string, property: string) => boolean,
): AzureNativeNaming | undefined {
  const match = TOKEN.exec(type);
  if (!match) return undefined;
  const key = `${match[1]}:${match[2]}`;
  const uuidProperty = UUID_NAMED[key];
  if (uuidProperty !== undefined) return { property: uuidProperty, uuid: true };
  const conventional = `${match[2][0].toLowerCase()}${match[2].slice(1)}Name`;
  const property = NAME_PARAMETER[key] ?? (declaresInput(type, conventional) ? conventional : undefined);
  return property === undefined ? undefined : { property, uuid: false };
}

/**
 * The name azure-native would give a resource of `type` whose name property is missing from `inputs`, as
 * `[property, value]`, or `undefined` when the type is not azure-native, names itself otherwise, or was named.
 *
 * @param declaresInput whether the type's SDK class takes an input of that name (for types not in the table)
 */
export function azureNativeAutoname(
  type: string,
  name: string,
  inputs: Readonly<Record<string, unknown>>,
  declaresInput: (type: string, property: string) => boolean,
): [string, string] | undefined {
  const naming = azureNativeNaming(type, declaresInput);
  if (naming === undefined || naming.property in inputs) return undefined;
  // The mocks see a resource's type and name but not its URN: the suffix is a hash of those two.
  const seed = `${type}::${name}`;
  return [naming.property, naming.uuid ? uuidFrom(seed) : `${name}${hex(seed).slice(0, 8)}`];
}

function hex(seed: string): string {
  return createHash("sha256").update(seed).digest("hex");
}

/** A version-4-shaped GUID from the digits of a seed. */
export function uuidFrom(seed: string): string {
  const h = hex(seed);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
