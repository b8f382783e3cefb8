import * as assert from "assert";
import { kmsPrivateKeyVault } from "../../policypack/policies";
import { AKS, exemptHint, messagesOf } from "./support/clusterRules";
import {
  CLASSIC_CLUSTER,
  KEY_ID,
  NATIVE_CLUSTER,
  compliantClassicClusterProps,
  compliantNativeClusterInputs,
  compliantNativeClusterOutputs,
  resource,
} from "./support/resources";
import { UNKNOWN_BOOLEAN, UNKNOWN_STRING } from "./support/wire";

const RULE = '"Use Private Key Vaults for Encryption at Rest in AKS"';
const CONFLICT =
  'Before you do: Azure refuses KMS etcd encryption on a cluster with a system-assigned managed identity ("AzureKeyVaultKms ' +
  'feature does not support cluster identity type SystemAssigned"), while the Trusted Access rule asks for a ' +
  "system-assigned cluster identity, so no cluster passes both: choose the rule your compliance report weighs " +
  "more, give the cluster the identity that rule needs (user-assigned for KMS), and exempt the cluster from the " +
  "other rule, with its reason";
const CLI =
  "az aks update --resource-group rg-aks --name aks-prod --enable-azure-keyvault-kms --azure-keyvault-kms-key-id " +
  "<key-id> --azure-keyvault-kms-key-vault-network-access Private --azure-keyvault-kms-key-vault-resource-id " +
  "<key-vault-resource-id> (needs a user-assigned identity)";
const NATIVE_FIX =
  'declare securityProfile.azureKeyVaultKms with enabled: true, keyId, keyVaultNetworkAccess: "Private" and ' +
  `keyVaultResourceId, or for a cluster that exists run ${CLI}. ${CONFLICT}${exemptHint("kms-private-key-vault-exempt")}`;
const CLASSIC_FIX =
  'declare a keyManagementService block with keyVaultKeyId and keyVaultNetworkAccess "Private", or for a cluster ' +
  `that exists run ${CLI}. ${CONFLICT}${exemptHint("kms-private-key-vault-exempt")}`;
const failing = (problem: string, fix = NATIVE_FIX) =>
  `${AKS} ${problem}. This fails the Cloud Conformity rule ${RULE}: ${fix}`;

const check = (resources: Parameters<typeof messagesOf>[1], config: object = {}) =>
  messagesOf(kmsPrivateKeyVault, resources, config);
const withKms = (azureKeyVaultKms: object | undefined) =>
  resource(NATIVE_CLUSTER, "aks", compliantNativeClusterInputs({ securityProfile: { azureKeyVaultKms } }));

describe("aks-kms-private-key-vault", () => {
  it("is advisory by default", () => assert.strictEqual(kmsPrivateKeyVault.enforcementLevel, "advisory"));

  it("passes KMS with a private vault and its id, in preview and after an update", async () => {
    assert.deepStrictEqual(
      await check([resource(NATIVE_CLUSTER, "aks", compliantNativeClusterInputs())]),
      [],
    );
    assert.deepStrictEqual(
      await check([resource(NATIVE_CLUSTER, "aks", compliantNativeClusterOutputs())]),
      [],
    );
  });

  it("flags KMS off, a public vault and a private vault without its id, and tells of the identity conflict", async () => {
    assert.deepStrictEqual(await check([withKms(undefined)]), [
      failing("does not encrypt etcd with KMS (securityProfile.azureKeyVaultKms.enabled is undefined)"),
    ]);
    assert.deepStrictEqual(await check([withKms({ enabled: true, keyId: KEY_ID })]), [
      failing(
        "keeps its KMS key in a public key vault (securityProfile.azureKeyVaultKms.keyVaultNetworkAccess is " +
          '"Public", not "Private")',
      ),
    ]);
    assert.deepStrictEqual(
      await check([withKms({ enabled: true, keyId: KEY_ID, keyVaultNetworkAccess: "Private" })]),
      [
        failing(
          "uses a private key vault without its resource id (securityProfile.azureKeyVaultKms.keyVaultResourceId " +
            'is undefined), which Azure requires with "Private"',
        ),
      ],
    );
  });

  it("gives no verdict while a KMS setting is unknown in preview", async () => {
    assert.deepStrictEqual(await check([withKms({ enabled: UNKNOWN_BOOLEAN })]), []);
    assert.deepStrictEqual(
      await check([
        withKms({
          enabled: true,
          keyId: KEY_ID,
          keyVaultNetworkAccess: "Private",
          keyVaultResourceId: UNKNOWN_STRING,
        }),
      ]),
      [],
    );
  });

  it("reads the classic keyManagementService block, which takes no vault id", async () => {
    assert.deepStrictEqual(
      await check([resource(CLASSIC_CLUSTER, "aks", compliantClassicClusterProps())]),
      [],
    );
    const none = compliantClassicClusterProps({ keyManagementService: undefined });
    const open = compliantClassicClusterProps({ keyManagementService: { keyVaultKeyId: KEY_ID } });
    assert.deepStrictEqual(await check([resource(CLASSIC_CLUSTER, "aks", none)]), [
      failing("does not encrypt etcd with KMS (keyManagementService is undefined)", CLASSIC_FIX),
    ]);
    assert.deepStrictEqual(await check([resource(CLASSIC_CLUSTER, "aks", open)]), [
      failing(
        'keeps its KMS key in a public key vault (keyManagementService.keyVaultNetworkAccess is "Public", not "Private")',
        CLASSIC_FIX,
      ),
    ]);
  });

  it("exempts a cluster by its own tag, by name, or by a configured tag", async () => {
    const off = (tags: Record<string, string>) =>
      resource(NATIVE_CLUSTER, "aks", compliantNativeClusterInputs({ securityProfile: {}, tags }));
    assert.deepStrictEqual(await check([off({ "kms-private-key-vault-exempt": "uses Trusted Access" })]), []);
    assert.deepStrictEqual(await check([off({})], { exemptClusters: ["aks"] }), []);
    assert.deepStrictEqual(await check([off({ kms: "no" })], { exemptTag: "KMS" }), []);
    assert.strictEqual((await check([off({ "trusted-access-exempt": "" })])).length, 1);
  });
});
