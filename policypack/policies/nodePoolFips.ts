import { StackValidationPolicy } from "@pulumi/policy";
import { CLUSTER_RULES, RuleVerdict, checkNodePoolFips, show } from "../../domain";
import { ClusterBindings, clusterBindings } from "../readers/bindingLinks";
import { ClusterRuleCheck } from "../mechanics/clusterRuleCheck";
import { azureCliFor } from "../mechanics/clusterRuleMessage";
import { clusterRuleMetadata } from "../mechanics/clusterRuleMetadata";
import { inlinePools } from "../readers/clusterRuleFields";
import {
  Exemption,
  Exemptions,
  clusterExemption,
  exemptionSchema,
  nameExemption,
} from "../mechanics/exemptions";
import { StackNodePool, stackNodePools } from "../readers/stackChildren";
import { StackCluster, describeCluster } from "../readers/stackResources";

const RULE = CLUSTER_RULES["node-pool-fips"];
export const NODE_POOL_FIPS_EXEMPT_TAG = RULE.exemptTag;

export const nodePoolFips: StackValidationPolicy = {
  ...clusterRuleMetadata(RULE),
  configSchema: { properties: exemptionSchema(NODE_POOL_FIPS_EXEMPT_TAG) },
  validateStack: (args, reportViolation) => {
    const run = new ClusterRuleCheck(args, reportViolation, RULE, NODE_POOL_FIPS_EXEMPT_TAG);
    for (const cluster of run.checkedClusters()) {
      const pools = inlinePools(cluster);
      if (pools === "unknown") {
        run.skip("its node pools", cluster.resource.urn);
        continue;
      }
      const subject = describeCluster(cluster);
      for (const pool of pools) {
        run.judge(
          {
            urn: cluster.resource.urn,
            subject,
            unknown: (field) => `${field} of ${pool.poolName ?? "a node pool"}`,
          },
          checkNodePoolFips(pool),
          () => fipsFix(pool.enableFipsField, azureCliFor(RULE, cluster.ref, pool.poolName)),
        );
      }
    }
    const pools = stackNodePools(args.resources);
    // Most stacks declare their pools inline: then there is nothing to link.
    if (pools.length === 0) return;
    const owners = poolOwners(run.clusters, clusterBindings(run.clusters, pools));
    for (const pool of pools) {
      const owner = owners.get(pool) ?? { certain: undefined, possible: [] };
      if (!run.isChecked(poolExemption(pool, owner, run.exemptions), pool.resource.urn)) continue;
      const ref = owner.certain?.ref ?? pool.target;
      run.judge(
        { urn: pool.resource.urn, subject: poolSubject(pool, owner.certain) },
        separatePoolVerdict(pool),
        () => fipsFix(pool.enableFipsField, azureCliFor(RULE, ref, pool.poolName)),
      );
    }
  },
};

function fipsFix(field: string, azureCli: string): string {
  return (
    `set ${field} to true on the pool (the AksCluster component does for each of its pools), or for a pool ` +
    `that exists run ${azureCli}`
  );
}

function separatePoolVerdict(pool: StackNodePool): RuleVerdict {
  // An Azure name unknown in preview decides nothing: the Pulumi name labels the pool instead.
  const name = typeof pool.poolName === "string" ? pool.poolName : pool.resource.name;
  return checkNodePoolFips({
    pool: `node pool ${show(name)}`,
    enableFips: pool.enableFips,
    enableFipsField: pool.enableFipsField,
    osType: pool.osType,
    osSku: pool.osSku,
  });
}

/** The cluster a pool surely belongs to, or the clusters of the stack it may belong to. */
interface PoolOwner {
  readonly certain: StackCluster | undefined;
  readonly possible: readonly StackCluster[];
}

function poolOwners(
  clusters: readonly StackCluster[],
  poolsOf: (cluster: StackCluster) => ClusterBindings<StackNodePool>,
): Map<StackNodePool, PoolOwner> {
  const owners = new Map<StackNodePool, { certain: StackCluster | undefined; possible: StackCluster[] }>();
  for (const cluster of clusters) {
    const { targeting, undecided } = poolsOf(cluster);
    for (const pool of targeting) {
      const entry = owners.get(pool) ?? { certain: undefined, possible: [] };
      entry.certain ??= cluster;
      owners.set(pool, entry);
    }
    for (const pool of undecided) {
      const entry = owners.get(pool) ?? { certain: undefined, possible: [] };
      entry.possible.push(cluster);
      owners.set(pool, entry);
    }
  }
  return owners;
}

/**
 * A pool is exempt with its cluster. A pool whose cluster is not in the stack is exempt by that cluster's name;
 * while its cluster is undecided, it is checked only if no cluster it may belong to is (or may be) exempt.
 */
function poolExemption(pool: StackNodePool, owner: PoolOwner, exemptions: Exemptions): Exemption {
  if (owner.certain !== undefined) return clusterExemption(owner.certain, exemptions);
  const candidates: Exemption[] = [
    nameExemption(pool.target.clusterName, exemptions),
    ...owner.possible.map((c) => clusterExemption(c, exemptions)),
  ];
  if (candidates.includes("exempt")) return owner.possible.length === 0 ? "exempt" : "undecided";
  return candidates.includes("undecided") ? "undecided" : "not-exempt";
}

/** The cluster a separate pool belongs to, as far as the stack tells. */
function poolSubject(pool: StackNodePool, owner: StackCluster | undefined): string {
  if (owner !== undefined) return describeCluster(owner);
  const { clusterName, resourceGroupName } = pool.target;
  if (typeof clusterName === "string") {
    return typeof resourceGroupName === "string"
      ? `AKS cluster ${show(clusterName)} in resource group ${show(resourceGroupName)}`
      : `AKS cluster ${show(clusterName)}`;
  }
  return `The AKS cluster of node pool resource ${show(pool.resource.name)}`;
}
