import * as pulumi from "@pulumi/pulumi";
import type * as azureInputs from "@pulumi/azure-native/types/input";
import { POOL_DEFAULTS, zonesOrNone } from "./poolSettings";

/** The cluster's system node pool (it runs AKS's own system pods). Every field has a default. */
export interface SystemNodePoolArgs {
  /** The pool's name: 1-12 lowercase letters or digits, starting with a letter. Defaults to `"system"`. */
  readonly name?: pulumi.Input<string>;
  /** The VMs' size. Defaults to `"Standard_D4ds_v5"` (4 vCPUs, 16 GiB), the size AKS recommends for system pools. */
  readonly vmSize?: pulumi.Input<string>;
  /** Number of nodes, 1 or more. Defaults to `3`, one per availability zone. */
  readonly count?: pulumi.Input<number>;
  /**
   * Availability zones to spread the nodes over. Defaults to `["1", "2", "3"]`; set `[]` in regions without
   * availability zones.
   */
  readonly availabilityZones?: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Whether the nodes run a FIPS 140 validated OS (Cloud Conformity lists FIPS for node pools beside Trusted Access).
   * Defaults to `true`; set `false` for images or VM sizes without FIPS support. Changing it replaces the pool.
   */
  readonly enableFips?: pulumi.Input<boolean>;
}

export const SYSTEM_NODE_POOL_DEFAULTS = { name: "system", ...POOL_DEFAULTS } as const;

/** The agent pool profile of the system node pool, defaults filled in. */
export function systemAgentPool(
  pool: SystemNodePoolArgs | undefined,
): azureInputs.containerservice.ManagedClusterAgentPoolProfileArgs {
  return {
    name: pool?.name ?? SYSTEM_NODE_POOL_DEFAULTS.name,
    mode: "System",
    osType: "Linux",
    type: "VirtualMachineScaleSets",
    vmSize: pool?.vmSize ?? SYSTEM_NODE_POOL_DEFAULTS.vmSize,
    count: pool?.count ?? SYSTEM_NODE_POOL_DEFAULTS.count,
    availabilityZones: zonesOrNone(pool?.availabilityZones),
    enableFIPS: pool?.enableFips ?? SYSTEM_NODE_POOL_DEFAULTS.enableFips,
  };
}
