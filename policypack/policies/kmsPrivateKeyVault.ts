import { StackValidationPolicy } from "@pulumi/policy";
import { CLUSTER_RULES, KMS_IDENTITY_CONFLICT, checkKmsPrivateVault } from "../domain";
import { azureCliFor, ruleViolation } from "./clusterRuleMessage";
import { kmsFields } from "./clusterRuleFields";
import { ExemptionConfig, clusterExemption, exemptionSchema, isChecked, readExemptions } from "./exemptions";
import { skipCheck } from "./skipCheck";
import { describeCluster, stackClusters } from "./stackResources";

const RULE = CLUSTER_RULES["kms-private-key-vault"];
export const KMS_PRIVATE_KEY_VAULT_EXEMPT_TAG = "kms-private-key-vault-exempt";

export const kmsPrivateKeyVault: StackValidationPolicy = {
  name: RULE.policy,
  description:
    "Every AKS cluster in the stack encrypts etcd with a KMS key from a key vault reachable only over a " +
    "private link.",
  enforcementLevel: "advisory",
  severity: RULE.severity,
  url: RULE.docs,
  remediationSteps:
    'Turn on securityProfile.azureKeyVaultKms with enabled: true, keyId, keyVaultNetworkAccess: "Private" and ' +
    'keyVaultResourceId (classic provider: a keyManagementService block with keyVaultNetworkAccess "Private"). ' +
    `${KMS_IDENTITY_CONFLICT}.`,
  configSchema: { properties: exemptionSchema(KMS_PRIVATE_KEY_VAULT_EXEMPT_TAG) },
  validateStack: (args, reportViolation) => {
    const exemptions = readExemptions(args.getConfig<ExemptionConfig>(), KMS_PRIVATE_KEY_VAULT_EXEMPT_TAG);
    for (const cluster of stackClusters(args.resources)) {
      if (!isChecked(args, clusterExemption(cluster, exemptions), cluster.resource.urn)) continue;
      const fields = kmsFields(cluster);
      const verdict = checkKmsPrivateVault(fields);
      if (verdict.status === "unknown") {
        skipCheck(args, verdict.field, cluster.resource.urn);
        continue;
      }
      if (verdict.status === "pass") continue;
      const settings =
        fields.vaultResourceIdField === undefined
          ? 'a keyManagementService block with keyVaultKeyId and keyVaultNetworkAccess "Private"'
          : 'securityProfile.azureKeyVaultKms with enabled: true, keyId, keyVaultNetworkAccess: "Private" and ' +
            "keyVaultResourceId";
      const fix =
        `declare ${settings}, or for a cluster that exists run ${azureCliFor(RULE.azureCli, cluster.ref)}. ` +
        `Before you do: ${KMS_IDENTITY_CONFLICT}`;
      reportViolation(
        ruleViolation(describeCluster(cluster), verdict.problem, RULE, fix, exemptions),
        cluster.resource.urn,
      );
    }
  },
};
