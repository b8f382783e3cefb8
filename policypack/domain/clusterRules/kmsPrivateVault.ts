import { show } from "../show";
import { UNKNOWN } from "../unknown";
import { PASS, RuleVerdict, fail, isOneOf, isSet, unknownValue } from "./verdict";

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

/** etcd is encrypted with a customer key (KMS) from a key vault reachable only over a private link. */
export function checkKmsPrivateVault(kms: KmsFields): RuleVerdict {
  if (kms.enabled === UNKNOWN) return unknownValue(kms.enabledField);
  if (kms.enabled !== true)
    return fail(`does not encrypt etcd with KMS (${kms.enabledField} is ${show(kms.enabled ?? undefined)})`);
  if (kms.keyId === UNKNOWN) return unknownValue(kms.keyIdField);
  if (typeof kms.keyId !== "string" || kms.keyId === "") {
    return fail(`turns KMS on without a key (${kms.keyIdField} is ${show(kms.keyId ?? undefined)})`);
  }
  if (kms.networkAccess === UNKNOWN) return unknownValue(kms.networkAccessField);
  if (!isOneOf(kms.networkAccess, ["Private"])) {
    return fail(
      `keeps its KMS key in a public key vault (${kms.networkAccessField} is ` +
        `${show(kms.networkAccess ?? "Public")}, not "Private")`,
    );
  }
  if (kms.vaultResourceIdField === undefined) return PASS;
  if (kms.vaultResourceId === UNKNOWN) return unknownValue(kms.vaultResourceIdField);
  if (!isSet(kms.vaultResourceId) || typeof kms.vaultResourceId !== "string" || kms.vaultResourceId === "") {
    return fail(
      `uses a private key vault without its resource id (${kms.vaultResourceIdField} is ` +
        `${show(kms.vaultResourceId ?? undefined)}), which Azure requires with "Private"`,
    );
  }
  return PASS;
}
