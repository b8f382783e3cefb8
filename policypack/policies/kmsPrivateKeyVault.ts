import { StackValidationPolicy } from "@pulumi/policy";
import { CLUSTER_RULES, KMS_IDENTITY_CONFLICT, KmsFields, checkKmsPrivateVault } from "../../domain";
import { ClusterRuleCheck } from "../mechanics/clusterRuleCheck";
import { azureCliFor } from "../mechanics/clusterRuleMessage";
import { clusterRuleMetadata } from "../mechanics/clusterRuleMetadata";
import { kmsFields } from "../readers/clusterRuleFields";
import { exemptionSchema } from "../mechanics/exemptions";
import { StackCluster } from "../readers/stackResources";

const RULE = CLUSTER_RULES["kms-private-key-vault"];
export const KMS_PRIVATE_KEY_VAULT_EXEMPT_TAG = RULE.exemptTag;

export const kmsPrivateKeyVault: StackValidationPolicy = {
  ...clusterRuleMetadata(RULE),
  configSchema: { properties: exemptionSchema(KMS_PRIVATE_KEY_VAULT_EXEMPT_TAG) },
  validateStack: (args, reportViolation) => {
    const run = new ClusterRuleCheck(args, reportViolation, RULE, KMS_PRIVATE_KEY_VAULT_EXEMPT_TAG);
    for (const cluster of run.checkedClusters()) {
      const fields = kmsFields(cluster);
      run.judgeCluster(cluster, checkKmsPrivateVault(fields), () => kmsFix(cluster, fields));
    }
  },
};

function kmsFix(cluster: StackCluster, fields: KmsFields): string {
  const settings =
    fields.vaultResourceIdField === undefined
      ? 'a keyManagementService block with keyVaultKeyId and keyVaultNetworkAccess "Private"'
      : 'securityProfile.azureKeyVaultKms with enabled: true, keyId, keyVaultNetworkAccess: "Private" and ' +
        "keyVaultResourceId";
  return (
    `declare ${settings}, or for a cluster that exists run ${azureCliFor(RULE, cluster.ref)}. ` +
    `Before you do: ${KMS_IDENTITY_CONFLICT}`
  );
}
