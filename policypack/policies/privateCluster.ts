import { StackValidationPolicy } from "@pulumi/policy";
import { CLUSTER_RULES, checkPrivateCluster } from "../domain";
import { ClusterRuleCheck } from "./clusterRuleCheck";
import { azureCliFor } from "./clusterRuleMessage";
import { privateClusterFields } from "./clusterRuleFields";
import { exemptionSchema } from "./exemptions";

const RULE = CLUSTER_RULES["private-cluster"];
export const PRIVATE_CLUSTER_EXEMPT_TAG = "private-cluster-exempt";

export const privateCluster: StackValidationPolicy = {
  name: RULE.policy,
  description:
    "Every AKS cluster in the stack has a private API server, reachable only from its virtual network.",
  enforcementLevel: "advisory",
  severity: RULE.severity,
  url: RULE.docs,
  remediationSteps:
    "Set apiServerAccessProfile.enablePrivateCluster (classic provider: privateClusterEnabled) to true, as the " +
    "AksCluster component does. A cluster with API Server VNet Integration can be switched with " +
    "`az aks update --enable-private-cluster`; any other must be created anew. Trusted Access keeps working: it " +
    "is made for private clusters.",
  configSchema: { properties: exemptionSchema(PRIVATE_CLUSTER_EXEMPT_TAG) },
  validateStack: (args, reportViolation) => {
    const run = new ClusterRuleCheck(args, reportViolation, RULE, PRIVATE_CLUSTER_EXEMPT_TAG);
    for (const cluster of run.checkedClusters()) {
      const fields = privateClusterFields(cluster);
      run.judgeCluster(
        cluster,
        checkPrivateCluster(fields.enabled, fields.field),
        () =>
          `set ${fields.field} to true (the AksCluster component's privateCluster does), or for a cluster that ` +
          `exists run ${azureCliFor(RULE, cluster.ref)}`,
      );
    }
  },
};
