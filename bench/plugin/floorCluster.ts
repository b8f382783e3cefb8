/**
 * The floor of a remote `Construct` (issue 16): a component of ours with no logic. It registers what `AksCluster`
 * registers for the plugin benchmark's arguments (the cluster with the same inputs and options, 3 bindings that
 * wait for the cluster's name, the node OS maintenance window) and the same outputs, but checks nothing, computes
 * no default and holds nothing back: what is left is the SDK's remote path, which no component can go below.
 */
import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { secureClusterInputs } from "../secureClusterInputs";

export const FLOOR_TOKEN = "aks-trusted-access:index:FloorCluster";

export interface FloorClusterArgs {
  readonly resourceGroupName: string;
  readonly location: string;
  readonly clusterName: string;
  readonly trustedAccess: Record<string, { roles: string[]; sourceResourceId: string }>;
}

export class FloorCluster extends pulumi.ComponentResource {
  public readonly cluster: containerservice.ManagedCluster;
  public readonly bindings: Record<string, containerservice.TrustedAccessRoleBinding>;
  public readonly clusterName: pulumi.Output<string>;
  public readonly clusterId: pulumi.Output<string>;
  public readonly resourceGroupName: pulumi.Output<string>;
  public readonly principalId: pulumi.Output<string | undefined>;
  public readonly nodePools: Record<string, containerservice.AgentPool> = {};
  public readonly nodeOsMaintenanceConfiguration: containerservice.MaintenanceConfiguration;

  constructor(name: string, args: FloorClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super(FLOOR_TOKEN, name, {}, opts);
    this.cluster = new containerservice.ManagedCluster(
      name,
      {
        ...secureClusterInputs,
        resourceGroupName: args.resourceGroupName,
        location: args.location,
        resourceName: args.clusterName,
        dnsPrefix: args.clusterName,
      },
      { parent: this, replaceOnChanges: ["apiServerAccessProfile"] },
    );
    this.bindings = Object.fromEntries(
      Object.entries(args.trustedAccess).map(([key, binding]) => [
        key,
        new containerservice.TrustedAccessRoleBinding(
          `${name}-${key}`,
          {
            resourceGroupName: args.resourceGroupName,
            resourceName: this.cluster.name,
            trustedAccessRoleBindingName: key,
            roles: binding.roles,
            sourceResourceId: binding.sourceResourceId,
          },
          { parent: this, replaceOnChanges: ["sourceResourceId"], deleteBeforeReplace: true },
        ),
      ]),
    );
    this.nodeOsMaintenanceConfiguration = new containerservice.MaintenanceConfiguration(
      `${name}-node-os-window`,
      {
        resourceGroupName: args.resourceGroupName,
        resourceName: this.cluster.name,
        configName: "aksManagedNodeOSUpgradeSchedule",
        maintenanceWindow: {
          schedule: { weekly: { dayOfWeek: "Sunday", intervalWeeks: 1 } },
          durationHours: 4,
          startTime: "00:00",
          utcOffset: "+00:00",
        },
      },
      { parent: this },
    );
    this.clusterName = this.cluster.name;
    this.clusterId = this.cluster.id;
    this.resourceGroupName = pulumi.output(args.resourceGroupName);
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
