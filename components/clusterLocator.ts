import * as pulumi from "@pulumi/pulumi";

/**
 * The cluster a child resource (binding, node pool, maintenance window) belongs to. Pass the cluster's outputs
 * when the cluster is made in this stack, so that the engine sees the link and the child waits for the cluster.
 */
export interface ClusterLocator {
  readonly resourceGroupName: pulumi.Input<string>;
  readonly clusterName: pulumi.Input<string>;
}
