import snapshot from "../../../domain/data/trusted-access-roles.westeurope.json";
import { TrustedAccessRole } from "../../../domain";
import type {
  FakeBinding,
  FakeCluster,
  FakeNodePool,
  FakeRole,
  FakeSubscription,
  Fault,
} from "./fakeArm/estate";
import { bindingListPath, clusterListPath, maintenanceConfigurationPath } from "./fakeArm/estate";

/** The subscriptions, clusters and faults the end-to-end tests audit. */

export const PRODUCTION = "11111111-1111-1111-1111-111111111111";
export const RESEARCH = "22222222-2222-2222-2222-222222222222";
export const RESTRICTED = "33333333-3333-3333-3333-333333333333";
export const SANDBOX = "44444444-4444-4444-4444-444444444444";
export const TEAM = "55555555-5555-5555-5555-555555555555";
export const UNREGISTERED = "66666666-6666-6666-6666-666666666666";
export const THROTTLED = "77777777-7777-7777-7777-777777777777";
export const UNKNOWN_SUBSCRIPTION = "88888888-8888-8888-8888-888888888888";

const workspace = (sub: string, name: string): string =>
  `/subscriptions/${sub}/resourceGroups/rg-ml/providers/Microsoft.MachineLearningServices/workspaces/${name}`;
export const PREVIEW_ROLE = "Microsoft.MachineLearningServices/workspaces/preview-operator";

const binding = (
  name: string,
  roles: string[],
  sourceResourceId: string,
  state: FakeBinding["provisioningState"] = "Succeeded",
): FakeBinding => ({
  name,
  roles,
  sourceResourceId,
  provisioningState: state,
});

const ml = (sub: string, name: string, ws: string): FakeBinding =>
  binding(
    name,
    [TrustedAccessRole.MachineLearningWorkload, TrustedAccessRole.MachineLearningInference],
    workspace(sub, ws),
  );

/** A binding as Microsoft's own List and Get examples show one: without a provisioning state. */
const withoutState = (b: FakeBinding): FakeBinding => ({
  name: b.name,
  roles: b.roles,
  sourceResourceId: b.sourceResourceId,
});

/**
 * Eight bindings: the most a cluster may have. One source lives in another subscription; one binding comes without a
 * provisioning state.
 */
const platformBindings: FakeBinding[] = [
  binding(
    "backup",
    [TrustedAccessRole.BackupOperator],
    `/subscriptions/${PRODUCTION}/resourceGroups/rg-backup/providers/Microsoft.DataProtection/backupVaults/vault-1`,
  ),
  withoutState(
    binding(
      "defender",
      [TrustedAccessRole.DefenderOperator],
      `/subscriptions/${PRODUCTION}/providers/Microsoft.Security/pricings/CloudPosture/securityOperators/DefenderCSPMSecurityOperator`,
    ),
  ),
  ...[1, 2, 3, 4, 5].map((i) => ml(PRODUCTION, `ml-ws-${i}`, `ws-${i}`)),
  ml(RESEARCH, "ml-research", "ws-research"),
];

const fips = (name: string, enableFips = true): FakeNodePool => ({ name, enableFips });

/**
 * The states of the four related rules are spread over the clusters: node OS channel NodeImage, SecurityPatch,
 * None, Unmanaged under cluster channel node-image, and none at all; private, public and unset API servers; FIPS on
 * every pool, on some, Windows 2025 (always FIPS) and 2019 pools; KMS off, with a public vault, with a private
 * vault with and without its id; node OS windows of 4, 2 and 6 hours, none, and one that cannot be read (403).
 * Bindings in states Succeeded, Updating, Failed and none; one cluster exempt from KMS by its tag.
 */
export const productionClusters: FakeCluster[] = [
  {
    resourceGroup: "rg-prod",
    name: "aks-prod-ml",
    location: "westeurope",
    identity: "SystemAssigned",
    bindings: [{ ...ml(PRODUCTION, "ml-prod", "ws-prod"), provisioningState: "Updating" }],
    privateCluster: true,
    nodeOsUpgradeChannel: "None",
    nodePools: [
      fips("system"),
      { name: "win19", enableFips: false, osType: "Windows", osSku: "Windows2019" },
    ],
    kms: { networkAccess: "Public", vaultResourceId: false },
  },
  {
    resourceGroup: "rg-prod",
    name: "aks-prod-empty",
    location: "westeurope",
    identity: "SystemAssigned",
    bindings: [],
    privateCluster: false,
    nodeOsUpgradeChannel: "SecurityPatch",
    nodePools: [fips("system"), fips("user", false)],
    nodeOsWindowHours: 2,
  },
  {
    resourceGroup: "rg-platform",
    name: "aks-platform",
    location: "northeurope",
    identity: "SystemAssigned",
    bindings: platformBindings,
    privateCluster: true,
    nodeOsUpgradeChannel: "NodeImage",
    nodePools: [fips("system"), { name: "win25", enableFips: true, osType: "Windows", osSku: "Windows2025" }],
    nodeOsWindowHours: 4,
  },
];

export const researchClusters: FakeCluster[] = [
  {
    resourceGroup: "rg-research",
    name: "aks-uai",
    location: "eastus",
    identity: "UserAssigned",
    privateCluster: true,
    nodeOsUpgradeChannel: "NodeImage",
    nodePools: [fips("system")],
    kms: { networkAccess: "Private", vaultResourceId: true },
    bindings: [
      binding(
        "backup",
        [TrustedAccessRole.BackupOperator],
        `/subscriptions/${RESEARCH}/resourceGroups/rg-backup/providers/Microsoft.DataProtection/backupVaults/vault-r`,
      ),
    ],
  },
  {
    resourceGroup: "rg-research",
    name: "aks-flaky",
    location: "eastus",
    identity: "SystemAssigned",
    privateCluster: true,
    upgradeChannel: "node-image",
    nodeOsUpgradeChannel: "Unmanaged",
    nodePools: [fips("system"), fips("gpu")],
    kms: { networkAccess: "Private", vaultResourceId: false },
    tags: { "kms-private-key-vault-exempt": "Trusted Access first: KMS needs a user-assigned identity" },
    nodeOsWindowHours: 6,
    bindings: [
      binding(
        "ml",
        [TrustedAccessRole.MachineLearningWorkload, PREVIEW_ROLE],
        workspace(RESEARCH, "ws-r"),
        "Failed",
      ),
    ],
  },
  {
    resourceGroup: "rg-locked",
    name: "aks-locked",
    location: "eastus",
    identity: "SystemAssigned",
    bindings: [],
  },
];

export const mainSubscriptions: FakeSubscription[] = [
  { id: PRODUCTION, displayName: "Production", clusters: productionClusters },
  { id: RESEARCH, displayName: "Research", clusters: researchClusters },
  {
    id: RESTRICTED,
    displayName: "Restricted",
    clusters: [
      {
        resourceGroup: "rg-x",
        name: "aks-hidden",
        location: "westus",
        identity: "SystemAssigned",
        bindings: [],
      },
    ],
  },
  { id: SANDBOX, displayName: "Sandbox", clusters: [] },
];

const authorizationFailed = (action: string, scope: string): Fault["failure"] => ({
  status: 403,
  code: "AuthorizationFailed",
  message:
    "The client 'auditor@example.com' with object id 'dddddddd-0000-0000-0000-000000000001' does not have " +
    `authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was ` +
    "recently granted, please refresh your credentials.",
});

export const RETRY_AFTER_SECONDS = 1;

export const UAI_SCHEDULE = maintenanceConfigurationPath(
  RESEARCH,
  { resourceGroup: "rg-research", name: "aks-uai" },
  "aksManagedNodeOSUpgradeSchedule",
);

/**
 * 429 once on Research's cluster list, 500 once on aks-flaky's bindings, 403 for ever on Restricted, aks-locked's
 * bindings and aks-uai's node OS maintenance configuration.
 */
export const mainFaults: Fault[] = [
  {
    method: "GET",
    path: clusterListPath(RESEARCH),
    times: 1,
    failure: {
      status: 429,
      code: "TooManyRequests",
      message: "The request is being throttled.",
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    },
  },
  {
    method: "GET",
    path: bindingListPath(RESEARCH, { resourceGroup: "rg-research", name: "aks-flaky" }),
    times: 1,
    failure: { status: 500, code: "InternalServerError", message: "An unexpected error occurred." },
  },
  {
    method: "GET",
    path: clusterListPath(RESTRICTED),
    failure: authorizationFailed(
      "Microsoft.ContainerService/managedClusters/read",
      `/subscriptions/${RESTRICTED}`,
    ),
  },
  {
    method: "GET",
    path: bindingListPath(RESEARCH, { resourceGroup: "rg-locked", name: "aks-locked" }),
    failure: authorizationFailed(
      "Microsoft.ContainerService/managedClusters/trustedAccessRoleBindings/read",
      `/subscriptions/${RESEARCH}/resourceGroups/rg-locked/providers/Microsoft.ContainerService/managedClusters/aks-locked`,
    ),
  },
  {
    method: "GET",
    path: UAI_SCHEDULE,
    failure: authorizationFailed(
      "Microsoft.ContainerService/managedClusters/maintenanceConfigurations/read",
      `/subscriptions/${RESEARCH}/resourceGroups/rg-research/providers/Microsoft.ContainerService/managedClusters/aks-uai`,
    ),
  },
];

/**
 * One subscription whose one cluster meets the Trusted Access rule (a binding, a system-assigned identity), the node
 * OS and FIPS rules, but has a public API server and no KMS, which Azure refuses on a system-assigned cluster.
 */
export const teamSubscriptions: FakeSubscription[] = [
  {
    id: TEAM,
    displayName: "Team",
    clusters: [
      {
        resourceGroup: "rg-team",
        name: "aks-team",
        location: "westeurope",
        identity: "SystemAssigned",
        privateCluster: false,
        nodeOsUpgradeChannel: "NodeImage",
        nodePools: [fips("system"), fips("user")],
        nodeOsWindowHours: 4,
        bindings: [ml(TEAM, "ml-team", "ws-team")],
      },
    ],
  },
];

/** Subscriptions that cannot be read for other reasons: provider not registered, throttled past the SDK's retries. */
export const troubledSubscriptions: FakeSubscription[] = [
  { id: UNREGISTERED, displayName: "Unregistered", clusters: [] },
  { id: THROTTLED, displayName: "Throttled", clusters: [] },
];

export const troubledFaults: Fault[] = [
  {
    method: "GET",
    path: clusterListPath(UNREGISTERED),
    failure: {
      status: 409,
      code: "MissingSubscriptionRegistration",
      message:
        "The subscription is not registered to use namespace 'Microsoft.ContainerService'. See " +
        "https://aka.ms/rps-not-found for how to register subscriptions.",
    },
  },
  {
    method: "GET",
    path: clusterListPath(THROTTLED),
    failure: {
      status: 429,
      code: "TooManyRequests",
      message: "The request is being throttled.",
      retryAfterSeconds: 0,
    },
  },
];

/** The live role list of westeurope: the snapshot the catalog was made from, in Azure's order. */
export const westeuropeRoles: FakeRole[] = snapshot.roles.map((r) => ({
  sourceResourceType: r.sourceResourceType,
  name: r.name,
  rules: r.rules.map((rule) => ({ apiGroups: rule.apiGroups, resources: rule.resources, verbs: rule.verbs })),
}));
