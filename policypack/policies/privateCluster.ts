import { StackValidationPolicy } from "@pulumi/policy";
import { CLUSTER_RULES, checkPrivateCluster } from "../domain";
import { azureCliFor, ruleViolation } from "./clusterRuleMessage";
import { privateClusterFields } from "./clusterRuleFields";
import { ExemptionConfig, clusterExemption, exemptionSchema, isChecked, readExemptions } from "./exemptions";
import { skipCheck } from "./skipCheck";
import { describeCluster, stackClusters } from "./stackResources";

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
    const exemptions = readExemptions(args.getConfig<ExemptionConfig>(), PRIVATE_CLUSTER_EXEMPT_TAG);
    for (const cluster of stackClusters(args.resources)) {
      if (!isChecked(args, clusterExemption(cluster, exemptions), cluster.resource.urn)) continue;
      const fields = privateClusterFields(cluster);
      const verdict = checkPrivateCluster(fields.enabled, fields.field);
      if (verdict.status === "unknown") {
        skipCheck(args, verdict.field, cluster.resource.urn);
        continue;
      }
      if (verdict.status === "pass") continue;
      const fix =
        `set ${fields.field} to true (the AksCluster component's privateCluster does), or for a cluster that ` +
        `exists run ${azureCliFor(RULE.azureCli, cluster.ref)}`;
      reportViolation(
        ruleViolation(describeCluster(cluster), verdict.problem, RULE, fix, exemptions),
        cluster.resource.urn,
      );
    }
  },
};
