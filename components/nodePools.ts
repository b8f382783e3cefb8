import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import { ComponentChecks, isPlain } from "./deferredChecks";
import { NodePoolArgs, NodePoolOsType } from "./nodePoolArgs";
import {
  checkNodePoolMap,
  checkNodePoolName,
  checkNodePoolScale,
  checkNodeTaints,
} from "./nodePoolValidation";
import { POOL_DEFAULTS, zonesOrNone } from "./poolSettings";
import type { ClusterLocator } from "./clusterLocator";
import type { Subject } from "./validation";

/** One user pool's inputs, defaults filled in and each held back until the checks on it have passed. */
export interface CheckedNodePool {
  readonly key: string;
  readonly agentPoolName: pulumi.Input<string>;
  readonly osType: pulumi.Input<NodePoolOsType>;
  readonly count: pulumi.Input<number | undefined>;
  readonly nodeTaints: pulumi.Input<pulumi.Input<string>[]> | undefined;
  readonly args: NodePoolArgs;
}

/** A fixed-size pool without a count gets the default; an autoscaled one gets no count. */
function countOf(args: NodePoolArgs): pulumi.Input<number | undefined> {
  const pick = (autoscaled: unknown, count: number | undefined) =>
    autoscaled === true ? count : (count ?? POOL_DEFAULTS.count);
  return isPlain(args.enableAutoScaling) && isPlain(args.count)
    ? pick(args.enableAutoScaling, args.count as number | undefined)
    : pulumi
        .all([args.enableAutoScaling, args.count])
        .apply(([autoscaled, count]) => pick(autoscaled, count));
}

/**
 * Checks the map of user pools and returns their checked inputs, in map order. Each check holds back the input it
 * blames: the key's rule (which depends on the OS type) holds back the pool's name, the size rules its count,
 * the taint rule its taints.
 */
export function checkNodePools(
  subject: Subject,
  map: unknown,
  systemPoolName: pulumi.Input<string>,
  checks: ComponentChecks,
): CheckedNodePool[] {
  const mapFindings = checkNodePoolMap(subject, map, pulumi.Output.isInstance(map));
  checks.report("nodePools", mapFindings);
  if (mapFindings.errors.length > 0 || map === undefined) return [];
  return Object.entries(map as Record<string, NodePoolArgs>).map(([key, args]) => {
    const osType = args.osType ?? NodePoolOsType.Linux;
    const label = `nodePools[${JSON.stringify(key)}]`;
    const nameValid = checks.check({
      argument: label,
      reads: [osType, systemPoolName],
      findings: ([os, system]) => checkNodePoolName(subject, key, os, system),
    });
    const scaleValid = checks.check({
      argument: label,
      reads: [args.count, args.enableAutoScaling, args.minCount, args.maxCount],
      findings: ([count, enableAutoScaling, minCount, maxCount]) =>
        checkNodePoolScale(subject, key, { count, enableAutoScaling, minCount, maxCount }),
    });
    const taintsValid = checks.check({
      argument: `${label}.nodeTaints`,
      reads: [args.nodeTaints],
      findings: ([taints]) => checkNodeTaints(subject, key, taints),
    });
    return {
      key,
      agentPoolName: nameValid(key),
      osType,
      count: scaleValid(countOf(args)),
      nodeTaints: args.nodeTaints === undefined ? undefined : taintsValid(args.nodeTaints),
      args,
    };
  });
}

/** Each user pool as a child `AgentPool` named `<name>-<key>`, whose Azure name is the key. */
export function createNodePools(
  name: string,
  pools: readonly CheckedNodePool[],
  target: ClusterLocator,
  parent: pulumi.Resource,
): { [key: string]: containerservice.AgentPool } {
  const created: { [key: string]: containerservice.AgentPool } = {};
  for (const pool of pools) {
    const { args } = pool;
    created[pool.key] = new containerservice.AgentPool(
      `${name}-${pool.key}`,
      {
        resourceGroupName: target.resourceGroupName,
        resourceName: target.clusterName,
        agentPoolName: pool.agentPoolName,
        mode: containerservice.AgentPoolMode.User,
        type: containerservice.AgentPoolType.VirtualMachineScaleSets,
        osType: pool.osType,
        vmSize: args.vmSize ?? POOL_DEFAULTS.vmSize,
        count: pool.count,
        enableAutoScaling: args.enableAutoScaling,
        minCount: args.minCount,
        maxCount: args.maxCount,
        availabilityZones: zonesOrNone(args.availabilityZones),
        nodeLabels: args.nodeLabels,
        nodeTaints: pool.nodeTaints,
        enableFIPS: args.enableFips ?? POOL_DEFAULTS.enableFips,
      },
      { parent },
    );
  }
  return created;
}
