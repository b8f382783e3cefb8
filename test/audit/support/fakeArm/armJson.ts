import type {
  FakeBinding,
  FakeCluster,
  FakeFailure,
  FakeNodePool,
  FakeRole,
  FakeSubscription,
} from "./estate";
import { clusterPath, maintenanceConfigurationPath } from "./estate";

/** JSON shapes as Azure Resource Manager returns them (trimmed to realistic, not exhaustive, properties). */

export const TENANT_ID = "99999999-9999-9999-9999-999999999999";

export function subscriptionJson(s: FakeSubscription): object {
  return {
    id: `/subscriptions/${s.id}`,
    authorizationSource: "RoleBased",
    managedByTenants: [],
    subscriptionId: s.id,
    tenantId: TENANT_ID,
    displayName: s.displayName,
    state: "Enabled",
    subscriptionPolicies: {
      locationPlacementId: "Public_2014-09-01",
      quotaId: "PayAsYouGo_2014-09-01",
      spendingLimit: "Off",
    },
  };
}

function identityJson(subscriptionId: string, c: FakeCluster): object | undefined {
  if (c.identity === undefined) return undefined;
  if (c.identity === "UserAssigned") {
    const id =
      `/subscriptions/${subscriptionId}/resourceGroups/${c.resourceGroup}/providers/` +
      `Microsoft.ManagedIdentity/userAssignedIdentities/${c.name}-identity`;
    return {
      type: "UserAssigned",
      userAssignedIdentities: {
        [id]: {
          principalId: "aaaaaaaa-0000-0000-0000-000000000001",
          clientId: "aaaaaaaa-0000-0000-0000-000000000002",
        },
      },
    };
  }
  if (c.identity === "None") return { type: "None" };
  return { type: "SystemAssigned", principalId: "bbbbbbbb-0000-0000-0000-000000000001", tenantId: TENANT_ID };
}

const DEFAULT_POOLS: readonly FakeNodePool[] = [{ name: "system", enableFips: false }];

function poolJson(p: FakeNodePool, i: number): object {
  return {
    name: p.name,
    count: 3,
    vmSize: "Standard_D4ds_v5",
    mode: i === 0 ? "System" : "User",
    osType: p.osType ?? "Linux",
    ...(p.osSku === undefined ? {} : { osSKU: p.osSku }),
    enableFIPS: p.enableFips,
    type: "VirtualMachineScaleSets",
  };
}

/** The properties the cluster rules read, set only when the estate sets them, as Azure omits unset profiles. */
function ruleProperties(subscriptionId: string, c: FakeCluster): Record<string, unknown> {
  const upgrade = {
    ...(c.upgradeChannel === undefined ? {} : { upgradeChannel: c.upgradeChannel }),
    ...(c.nodeOsUpgradeChannel === undefined ? {} : { nodeOSUpgradeChannel: c.nodeOsUpgradeChannel }),
  };
  const vault =
    `/subscriptions/${subscriptionId}/resourceGroups/${c.resourceGroup}/providers/Microsoft.KeyVault/vaults/` +
    `${c.name}-kv`;
  return {
    ...(Object.keys(upgrade).length === 0 ? {} : { autoUpgradeProfile: upgrade }),
    ...(c.privateCluster === undefined
      ? {}
      : { apiServerAccessProfile: { enablePrivateCluster: c.privateCluster } }),
    ...(c.kms === undefined
      ? {}
      : {
          securityProfile: {
            azureKeyVaultKms: {
              enabled: true,
              keyId: `https://${c.name}-kv.vault.azure.net/keys/etcd/0123456789abcdef0123456789abcdef`,
              keyVaultNetworkAccess: c.kms.networkAccess,
              ...(c.kms.vaultResourceId ? { keyVaultResourceId: vault } : {}),
            },
          },
        }),
  };
}

export function clusterJson(subscriptionId: string, c: FakeCluster): object {
  // AKS reports ids with a lower-case "resourcegroups", as the real service does.
  const id = clusterPath(subscriptionId, c).replace("/resourceGroups/", "/resourcegroups/");
  const identity = identityJson(subscriptionId, c);
  return {
    id,
    location: c.location,
    name: c.name,
    type: "Microsoft.ContainerService/ManagedClusters",
    sku: { name: "Base", tier: "Free" },
    ...(c.tags === undefined ? {} : { tags: c.tags }),
    ...(identity === undefined ? {} : { identity }),
    properties: {
      provisioningState: "Succeeded",
      powerState: { code: "Running" },
      kubernetesVersion: "1.33.2",
      currentKubernetesVersion: "1.33.2",
      dnsPrefix: `${c.name}-dns`,
      fqdn: `${c.name}-dns-abc123.hcp.${c.location}.azmk8s.io`,
      agentPoolProfiles: (c.nodePools ?? DEFAULT_POOLS).map(poolJson),
      ...ruleProperties(subscriptionId, c),
      ...(c.identity === undefined
        ? { servicePrincipalProfile: { clientId: "cccccccc-0000-0000-0000-000000000001" } }
        : {}),
      nodeResourceGroup: `MC_${c.resourceGroup}_${c.name}_${c.location}`,
      enableRBAC: true,
    },
  };
}

export function bindingJson(subscriptionId: string, c: FakeCluster, b: FakeBinding): object {
  return {
    id: `${clusterPath(subscriptionId, c)}/trustedAccessRoleBindings/${b.name}`,
    name: b.name,
    type: "Microsoft.ContainerService/managedClusters/trustedAccessRoleBindings",
    properties: {
      ...(b.provisioningState === undefined ? {} : { provisioningState: b.provisioningState }),
      roles: b.roles,
      sourceResourceId: b.sourceResourceId,
    },
  };
}

/** A cluster's `aksManagedNodeOSUpgradeSchedule`: weekly on Sunday from 00:00 UTC, for its hours. */
export function nodeOsScheduleJson(
  subscriptionId: string,
  c: FakeCluster,
  name: string,
  hours: number,
): object {
  return {
    id: maintenanceConfigurationPath(subscriptionId, c, name),
    name,
    type: "Microsoft.ContainerService/managedClusters/maintenanceConfigurations",
    properties: {
      maintenanceWindow: {
        schedule: { weekly: { intervalWeeks: 1, dayOfWeek: "Sunday" } },
        durationHours: hours,
        utcOffset: "+00:00",
        startTime: "00:00",
      },
    },
  };
}

export function roleJson(r: FakeRole): object {
  return {
    sourceResourceType: r.sourceResourceType,
    name: r.name,
    rules: r.rules.map((rule) => ({ ...rule, resourceNames: [], nonResourceURLs: [] })),
  };
}

export function errorJson(f: FakeFailure): object {
  return { error: { code: f.code, message: f.message } };
}
