import { StackValidationPolicy } from "@pulumi/policy";
import { CLUSTER_RULES, checkPrivateCluster } from "../../domain";
import { ClusterRuleCheck } from "../mechanics/clusterRuleCheck";
import { azureCliFor } from "../mechanics/clusterRuleMessage";
import { clusterRuleMetadata } from "../mechanics/clusterRuleMetadata";
import { privateClusterFields } from "../readers/clusterRuleFields";
import { exemptionSchema } from "../mechanics/exemptions";

const RULE = CLUSTER_RULES["private-cluster"];
export const PRIVATE_CLUSTER_EXEMPT_TAG = RULE.exemptTag;

export const privateCluster: StackValidationPolicy = {
  ...clusterRuleMetadata(RULE),
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
