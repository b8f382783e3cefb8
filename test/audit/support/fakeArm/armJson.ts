import type { FakeBinding, FakeCluster, FakeFailure, FakeRole, FakeSubscription } from "./estate";
import { clusterPath } from "./estate";

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
    ...(identity === undefined ? {} : { identity }),
    properties: {
      provisioningState: "Succeeded",
      powerState: { code: "Running" },
      kubernetesVersion: "1.33.2",
      currentKubernetesVersion: "1.33.2",
      dnsPrefix: `${c.name}-dns`,
      fqdn: `${c.name}-dns-abc123.hcp.${c.location}.azmk8s.io`,
      agentPoolProfiles: [
        {
          name: "system",
          count: 3,
          vmSize: "Standard_D4ds_v5",
          mode: "System",
          osType: "Linux",
          type: "VirtualMachineScaleSets",
        },
      ],
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
      provisioningState: b.provisioningState,
      roles: b.roles,
      sourceResourceId: b.sourceResourceId,
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
