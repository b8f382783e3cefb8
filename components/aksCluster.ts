import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { checkBindings, warnAboutForeignSources } from "./bindingChecks";
import { createBindings } from "./bindingResources";
import { ComponentChecks } from "./deferredChecks";
import { dnsPrefixFor } from "./dnsPrefix";
import { NodeOsMaintenanceWindowArgs } from "./maintenanceWindow";
import { NodePoolArgs } from "./nodePoolArgs";
import { checkedNodeOsWindowFields, createNodeOsWindow } from "./nodeOsMaintenance";
import { checkNodePools, createNodePools } from "./nodePools";
import { PRIVATE_CLUSTER_REPLACE_ON_CHANGES, apiServerAccessProfile } from "./privateCluster";
import { SYSTEM_NODE_POOL_DEFAULTS, SystemNodePoolArgs, systemAgentPool } from "./systemNodePool";
import type { TrustedAccessBindingArgs } from "./trustedAccessBindingArgs";
import { KubernetesUpgradeChannel, NodeOsUpgradeChannel } from "./upgradeChannels";
import { checkClusterName, checkPrivateCluster, checkResourceGroupName } from "./validation";

/**
 * Arguments of `AksCluster`. No argument changes three things: the cluster's system-assigned managed identity
 * (the Cloud Conformity rule requires it, and Trusted Access is built for it), Kubernetes RBAC and managed Entra ID
 * integration (which needs Kubernetes RBAC). Every other default is secure and says how to change it.
 */
export interface AksClusterArgs {
  /** The resource group to create the cluster in. */
  readonly resourceGroupName: pulumi.Input<string>;
  /** The Azure region. Defaults to the resource group's region (azure-native fills it in). */
  readonly location?: pulumi.Input<string>;
  /**
   * The cluster's Azure name: 1-63 letters, digits, hyphens or underscores, starting and ending with a letter or
   * digit. Defaults to the component's name plus a random suffix (azure-native's autonaming).
   */
  readonly clusterName?: pulumi.Input<string>;
  /**
   * DNS prefix of the API server's address; cannot change after creation. Defaults to the cluster name given, or
   * else the component's name, reduced to letters, digits and hyphens (at most 54).
   */
  readonly dnsPrefix?: pulumi.Input<string>;
  /** Kubernetes version, e.g. `"1.33"`. Defaults to AKS's default version for new clusters. */
  readonly kubernetesVersion?: pulumi.Input<string>;
  /**
   * The system node pool. Defaults to a pool named `system` of 3 FIPS nodes of size `Standard_D4ds_v5` over zones
   * 1-3; each field has its own default (see `SystemNodePoolArgs`).
   */
  readonly systemNodePool?: SystemNodePoolArgs;
  /**
   * Automatic Kubernetes upgrades. Defaults to `"stable"` (latest patch of minor version N-1); `"none"` turns them
   * off. With automatic upgrades, leave `kubernetesVersion` unset or expect drift when AKS upgrades.
   */
  readonly upgradeChannel?: pulumi.Input<KubernetesUpgradeChannel>;
  /** Automatic node OS updates. Defaults to `"NodeImage"` (weekly node images with security patches). */
  readonly nodeOsUpgradeChannel?: pulumi.Input<NodeOsUpgradeChannel>;
  /**
   * Whether the cluster's local accounts (and the admin kubeconfig) are disabled, so that every user signs in with
   * Entra ID. Defaults to `true`; set `false` only for tooling that cannot use Entra ID.
   */
  readonly disableLocalAccounts?: pulumi.Input<boolean>;
  /**
   * Whether Azure RBAC authorizes Kubernetes requests of Entra ID users (grant them roles such as "Azure
   * Kubernetes Service RBAC Reader"). Defaults to `true`; set `false` to authorize with Kubernetes RBAC objects only.
   */
  readonly enableAzureRbac?: pulumi.Input<boolean>;
  /** Object ids of Entra ID groups whose members are cluster admins. Defaults to none. */
  readonly adminGroupObjectIds?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Whether the API server is private: reachable only from the cluster's virtual network (and networks peered or
   * linked to it) through a private endpoint, with AKS's own private DNS zone (`privateDNSZone: "system"`).
   * Defaults to `true`. Azure cannot convert a cluster between public and private in place, so changing it replaces
   * the cluster (a preview shows the replacement). A cluster created public by an earlier version of this package
   * keeps `privateCluster: false` to stay as it is. A private DNS zone of your own is not offered: it needs a
   * user-assigned identity, and the cluster's identity is system-assigned.
   */
  readonly privateCluster?: pulumi.Input<boolean>;
  /**
   * The weekly window in which AKS upgrades the nodes' OS (the `aksManagedNodeOSUpgradeSchedule` maintenance
   * configuration, a child `MaintenanceConfiguration` named `<name>-node-os-window`). Defaults to 4 hours from
   * Sunday 00:00 UTC; `{ enabled: false }` for none (from JavaScript, `null` too). Applies to the node OS channel
   * (`nodeOsUpgradeChannel`), not to Kubernetes upgrades.
   */
  readonly nodeOsMaintenanceWindow?: NodeOsMaintenanceWindowArgs;
  /**
   * User node pools for your workloads, by a stable key that is the pool's Azure name: each becomes a child
   * `AgentPool` named `<name>-<key>`, FIPS enabled unless it says otherwise. Defaults to none (workloads then run on
   * the system pool). A key may not be the system pool's name.
   */
  readonly nodePools?: { [key: string]: NodePoolArgs };
  /** Tags of the cluster resource. Defaults to none. */
  readonly tags?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
  /**
   * The Trusted Access role bindings, 1 to 8, by a stable key of your choosing: each becomes a
   * `TrustedAccessRoleBinding` named `<name>-<key>`. Names unique per cluster ignoring case, one binding per source.
   */
  readonly trustedAccess: { [key: string]: TrustedAccessBindingArgs };
}

/**
 * An AKS cluster with a system-assigned managed identity, secure defaults and its Trusted Access role bindings, so
 * that it passes the Cloud Conformity rule "Enable Trusted Access for AKS Clusters". Checks its arguments before
 * registering any child (Output values once they are known) and throws a `ResourceError` naming the argument, the
 * binding key, the bad value and what is allowed.
 */
export class AksCluster extends pulumi.ComponentResource {
  /** The managed cluster. */
  public readonly cluster: containerservice.ManagedCluster;
  /** The Trusted Access role bindings, by the keys of `trustedAccess`. */
  public readonly bindings: { [key: string]: containerservice.TrustedAccessRoleBinding };
  /** The cluster's Azure name. */
  public readonly clusterName: pulumi.Output<string>;
  /** The cluster's ARM id. */
  public readonly clusterId: pulumi.Output<string>;
  /** The resource group that holds the cluster. */
  public readonly resourceGroupName: pulumi.Output<string>;
  /** Principal id of the cluster's system-assigned managed identity, for role assignments. */
  public readonly principalId: pulumi.Output<string | undefined>;
  /** The user node pools, by the keys of `nodePools`. */
  public readonly nodePools: { [key: string]: containerservice.AgentPool };
  /** The node OS maintenance window, unless `nodeOsMaintenanceWindow` turned it off. */
  public readonly nodeOsMaintenanceConfiguration: containerservice.MaintenanceConfiguration | undefined;

  constructor(name: string, args: AksClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super("aks-trusted-access:index:AksCluster", name, {}, opts);
    const subject = { component: "AksCluster", name, mapArg: "trustedAccess" };
    const checks = new ComponentChecks(this);
    // JavaScript callers may leave out anything: every value is checked, nothing is assumed.
    const given: Partial<AksClusterArgs> = args ?? {};
    const holdGroup = checks.check({
      argument: "resourceGroupName",
      reads: [given.resourceGroupName],
      findings: ([group]) => checkResourceGroupName(subject, group),
    });
    const holdName = checks.check({
      argument: "clusterName",
      reads: [given.clusterName],
      // Left out, azure-native makes up a valid name.
      findings: ([cluster]) =>
        cluster === undefined
          ? { errors: [], warnings: [] }
          : checkClusterName(subject, "clusterName", cluster),
    });
    const bindings = checkBindings(subject, given.trustedAccess, checks);
    const holdPrivate = checks.check({
      argument: "privateCluster",
      reads: [given.privateCluster],
      findings: ([isPrivate]) => checkPrivateCluster(subject, isPrivate),
    });
    const window = checkedNodeOsWindowFields(subject, given.nodeOsMaintenanceWindow, checks);
    const systemPoolName = given.systemNodePool?.name ?? SYSTEM_NODE_POOL_DEFAULTS.name;
    const nodePools = checkNodePools(subject, given.nodePools, systemPoolName, checks);
    checks.throwErrorsFound();

    const resourceGroupName = given.resourceGroupName as pulumi.Input<string>;
    this.cluster = new containerservice.ManagedCluster(
      name,
      {
        resourceGroupName: holdGroup(resourceGroupName),
        location: given.location,
        resourceName: holdName(given.clusterName),
        dnsPrefix: given.dnsPrefix ?? pulumi.output(given.clusterName ?? name).apply(dnsPrefixFor),
        kubernetesVersion: given.kubernetesVersion,
        identity: { type: containerservice.ResourceIdentityType.SystemAssigned },
        enableRBAC: true,
        disableLocalAccounts: given.disableLocalAccounts ?? true,
        aadProfile: {
          managed: true,
          enableAzureRBAC: given.enableAzureRbac ?? true,
          adminGroupObjectIDs: given.adminGroupObjectIds,
        },
        autoUpgradeProfile: {
          upgradeChannel: given.upgradeChannel ?? KubernetesUpgradeChannel.Stable,
          nodeOSUpgradeChannel: given.nodeOsUpgradeChannel ?? NodeOsUpgradeChannel.NodeImage,
        },
        agentPoolProfiles: [systemAgentPool(given.systemNodePool)],
        apiServerAccessProfile: apiServerAccessProfile(holdPrivate(given.privateCluster)),
        tags: given.tags,
      },
      { parent: this, replaceOnChanges: PRIVATE_CLUSTER_REPLACE_ON_CHANGES },
    );

    // Name and group come through the cluster's outputs, so each binding waits for the cluster and the engine
    // records the property dependency that links the binding to it. The group is the one the cluster was given:
    // a bad one has failed the cluster already.
    const target = {
      clusterName: this.cluster.name,
      resourceGroupName: pulumi.all([this.cluster.name, resourceGroupName]).apply(([, group]) => group),
    };
    this.bindings = createBindings(name, bindings, () => target, this);
    this.nodePools = createNodePools(name, nodePools, target, this);
    this.nodeOsMaintenanceConfiguration = window && createNodeOsWindow(name, window, target, this);
    warnAboutForeignSources(subject, given.trustedAccess ?? {}, () => this.cluster.id, checks);

    this.clusterName = this.cluster.name;
    this.clusterId = this.cluster.id;
    this.resourceGroupName = target.resourceGroupName;
    this.principalId = this.cluster.identity.apply((identity) => identity?.principalId);
    this.registerOutputs({
      cluster: this.cluster,
      bindings: this.bindings,
      clusterName: this.clusterName,
      clusterId: this.clusterId,
      resourceGroupName: this.resourceGroupName,
      principalId: this.principalId,
      nodePools: this.nodePools,
      nodeOsMaintenanceConfiguration: this.nodeOsMaintenanceConfiguration,
    });
  }
}
