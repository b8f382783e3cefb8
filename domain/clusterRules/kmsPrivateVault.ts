import { show } from "../show";
import { isSystemAssigned } from "../identity";
import { LiveRule, armValue } from "./liveRule";
import { UNKNOWN } from "../unknown";
import { PASS, RuleVerdict, fail, isOneOf, unknownValue } from "./verdict";

/**
 * Why a cluster that Trusted Access's rule wants system-assigned cannot also use KMS: Azure refuses KMS etcd
 * encryption on a cluster with a system-assigned identity, since the identity must hold key access before the
 * feature is turned on.
 */
export const KMS_IDENTITY_CONFLICT =
  'Azure refuses KMS etcd encryption on a cluster with a system-assigned managed identity ("AzureKeyVaultKms ' +
  'feature does not support cluster identity type SystemAssigned"), while the Trusted Access rule asks for a ' +
  "system-assigned cluster identity, so no cluster passes both: choose the rule your compliance report weighs " +
  "more, give the cluster the identity that rule needs (user-assigned for KMS), and exempt the cluster from the " +
  "other rule, with its reason";

/** A cluster's KMS settings; a field name of `undefined` means the provider has no such field. */
export interface KmsFields {
  /** Whether KMS is on; the block's presence for the classic provider. */
  readonly enabled: unknown;
  readonly enabledField: string;
  readonly keyId: unknown;
  readonly keyIdField: string;
  /** `Public` or `Private`; Public when unset, as in Azure. */
  readonly networkAccess: unknown;
  readonly networkAccessField: string;
  readonly vaultResourceId: unknown;
  /** Undefined for the classic provider, which takes no vault id. */
  readonly vaultResourceIdField: string | undefined;
}

/**
 * etcd is encrypted with a customer key (KMS) from a key vault reachable only over a private link. A value known to
 * fail decides, even beside a value unknown in preview: a public vault fails whatever the key id turns out to be.
 */
export function checkKmsPrivateVault(kms: KmsFields): RuleVerdict {
  // Whether KMS is on decides which message is true: no verdict on the rest before it is known.
  if (kms.enabled === UNKNOWN) return unknownValue(kms.enabledField);
  if (kms.enabled !== true) {
    return fail(`does not encrypt etcd with KMS (${kms.enabledField} is ${show(kms.enabled ?? undefined)})`);
  }
  const verdicts = [keyVerdict(kms), networkVerdict(kms), vaultIdVerdict(kms)];
  return verdicts.find((v) => v.status === "fail") ?? verdicts.find((v) => v.status === "unknown") ?? PASS;
}

function keyVerdict(kms: KmsFields): RuleVerdict {
  if (kms.keyId === UNKNOWN) return unknownValue(kms.keyIdField);
  if (typeof kms.keyId === "string" && kms.keyId !== "") return PASS;
  return fail(`turns KMS on without a key (${kms.keyIdField} is ${show(kms.keyId ?? undefined)})`);
}

function networkVerdict(kms: KmsFields): RuleVerdict {
  if (kms.networkAccess === UNKNOWN) return unknownValue(kms.networkAccessField);
  if (isOneOf(kms.networkAccess, ["Private"])) return PASS;
  return fail(
    `keeps its KMS key in a public key vault (${kms.networkAccessField} is ` +
      `${show(kms.networkAccess ?? "Public")}, not "Private")`,
  );
}

/** The vault's id, which Azure requires with `Private`; the classic provider has no such field. */
function vaultIdVerdict(kms: KmsFields): RuleVerdict {
  if (kms.vaultResourceIdField === undefined) return PASS;
  if (kms.vaultResourceId === UNKNOWN) return unknownValue(kms.vaultResourceIdField);
  if (typeof kms.vaultResourceId === "string" && kms.vaultResourceId !== "") return PASS;
  if (!isOneOf(kms.networkAccess, ["Private"])) return PASS;
  return fail(
    `uses a private key vault without its resource id (${kms.vaultResourceIdField} is ` +
      `${show(kms.vaultResourceId ?? undefined)}), which Azure requires with "Private"`,
  );
}

const KMS_FIELD = "securityProfile.azureKeyVaultKms";

/**
 * How audit judges a live cluster by the rule. A cluster with the system-assigned identity the Trusted Access rule
 * asks for cannot have KMS (Azure refuses it): its finding says so, and what choice that leaves, and its fix is the
 * exemption tag that records the choice, in place of a command Azure refuses.
 */
export const KMS_PRIVATE_VAULT_LIVE: LiveRule = {
  findings: [
    {
      id: "kms-private-key-vault",
      title: "etcd not encrypted with a private key vault",
      description:
        "An AKS cluster encrypts etcd with KMS and a key vault reached over a private link (the Cloud Conformity " +
        "rule 'Use Private Key Vaults for Encryption at Rest in AKS').",
    },
  ],
  assess: (cluster) => {
    const kms = armValue(cluster.properties, KMS_FIELD);
    const verdict = checkKmsPrivateVault({
      enabled: armValue(kms, "enabled"),
      enabledField: `${KMS_FIELD}.enabled`,
      keyId: armValue(kms, "keyId"),
      keyIdField: `${KMS_FIELD}.keyId`,
      networkAccess: armValue(kms, "keyVaultNetworkAccess"),
      networkAccessField: `${KMS_FIELD}.keyVaultNetworkAccess`,
      vaultResourceId: armValue(kms, "keyVaultResourceId"),
      vaultResourceIdField: `${KMS_FIELD}.keyVaultResourceId`,
    });
    const conflict = verdict.status === "fail" && isSystemAssigned(cluster.identityType);
    return [
      {
        finding: "kms-private-key-vault",
        verdict: conflict ? fail(`${verdict.problem}: ${KMS_IDENTITY_CONFLICT}`) : verdict,
      },
    ];
  },
  fixByExemption: (cluster) => isSystemAssigned(cluster.identityType),
};
