import { show } from "../show";
import { LiveRule, armValue } from "./liveRule";
import { UNKNOWN } from "../unknown";
import { PASS, RuleVerdict, fail, unknownValue } from "./verdict";

/** The API server has no public endpoint: `enablePrivateCluster` (classic: `privateClusterEnabled`) is true. */
export function checkPrivateCluster(enabled: unknown, field: string): RuleVerdict {
  if (enabled === true) return PASS;
  if (enabled === UNKNOWN) return unknownValue(field);
  if (enabled === undefined || enabled === null || enabled === false) {
    return fail(`has a public API server (${field} is ${show(enabled ?? undefined)})`);
  }
  return fail(`has ${field} ${show(enabled)}, not true`);
}

const PRIVATE_CLUSTER_FIELD = "apiServerAccessProfile.enablePrivateCluster";

/** How audit judges a live cluster by the rule. */
export const PRIVATE_CLUSTER_LIVE: LiveRule = {
  findings: [
    {
      id: "private-cluster",
      title: "Public API server",
      description:
        "An AKS cluster's API server has no public endpoint (the Cloud Conformity rule 'Private Kubernetes Clusters').",
    },
  ],
  assess: (cluster) => [
    {
      finding: "private-cluster",
      verdict: checkPrivateCluster(
        armValue(cluster.properties, PRIVATE_CLUSTER_FIELD),
        PRIVATE_CLUSTER_FIELD,
      ),
    },
  ],
  fixNote:
    "az aks update --enable-private-cluster works on a cluster with API Server VNet Integration; a cluster without " +
    "it must be created anew with az aks create --enable-private-cluster.",
};
