import * as pulumi from "@pulumi/pulumi";

/** The operating system of a user node pool (`osType`). */
export const NodePoolOsType = {
  /** Linux nodes (Ubuntu, AKS's default Linux image). */
  Linux: "Linux",
  /**
   * Windows Server nodes (Windows Server 2022, AKS's default for Kubernetes 1.25 and later). AKS accepts Windows
   * pools only in clusters on Azure CNI, the network plugin AKS gives new clusters of Kubernetes 1.30 and later.
   */
  Windows: "Windows",
} as const;
export type NodePoolOsType = (typeof NodePoolOsType)[keyof typeof NodePoolOsType];

/**
 * A user node pool: nodes for your workloads, beside the system pool. Its key in `nodePools` is its Azure name.
 * Give either `count` (a fixed size) or `enableAutoScaling` with `minCount` and `maxCount`, not both.
 */
export interface NodePoolArgs {
  /** The VMs' size. Defaults to `"Standard_D4ds_v5"` (4 vCPUs, 16 GiB). */
  readonly vmSize?: pulumi.Input<string>;
  /**
   * Number of nodes, 0 to 1000, for a pool of fixed size. Defaults to `3` (one per zone) when `enableAutoScaling`
   * is not `true`; conflicts with `enableAutoScaling`.
   */
  readonly count?: pulumi.Input<number>;
  /**
   * Whether the cluster autoscaler sizes the pool between `minCount` and `maxCount`. Defaults to `false`; when
   * `true`, `minCount` and `maxCount` are required and `count` must be left out.
   */
  readonly enableAutoScaling?: pulumi.Input<boolean>;
  /**
   * Fewest nodes the autoscaler keeps, 0 to 1000, at most `maxCount`. Only with `enableAutoScaling: true`, which
   * requires it. Defaults to none.
   */
  readonly minCount?: pulumi.Input<number>;
  /**
   * Most nodes the autoscaler adds, 0 to 1000, at least `minCount`. Only with `enableAutoScaling: true`, which
   * requires it. Defaults to none.
   */
  readonly maxCount?: pulumi.Input<number>;
  /**
   * Availability zones to spread the nodes over. Defaults to `["1", "2", "3"]`; set `[]` in regions without
   * availability zones.
   */
  readonly availabilityZones?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * The nodes' operating system. Defaults to `"Linux"`. The key's rule depends on it: 1-12 lowercase letters or
   * digits for Linux, 1-6 for Windows, starting with a letter.
   */
  readonly osType?: pulumi.Input<NodePoolOsType>;
  /** Kubernetes labels of every node in the pool. Defaults to none. */
  readonly nodeLabels?: pulumi.Input<{ [key: string]: pulumi.Input<string> }>;
  /**
   * Kubernetes taints of every node in the pool, each `"key=value:Effect"` with Effect `NoSchedule`,
   * `PreferNoSchedule` or `NoExecute`. Defaults to none.
   */
  readonly nodeTaints?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Whether the nodes run a FIPS 140 validated OS (Cloud Conformity lists FIPS for node pools beside Trusted
   * Access). Defaults to `true`, on Linux and Windows alike: a Windows Server 2022 pool is FIPS only with it.
   * Switching it on an existing Linux pool reimages the pool's nodes.
   */
  readonly enableFips?: pulumi.Input<boolean>;
}
