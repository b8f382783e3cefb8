// An AKS cluster with Trusted Access for an Azure Machine Learning workspace and a Data Protection backup vault.
// It keeps the component's defaults for the related AKS rules: a private API server, a weekly node OS maintenance
// window, FIPS node pools; it adds one autoscaled user pool for workloads.
// The root Pulumi.yaml runs this program, so `pulumi up` at the repository's root deploys it.
import * as pulumi from "@pulumi/pulumi";
import * as applicationinsights from "@pulumi/azure-native/applicationinsights";
import * as authorization from "@pulumi/azure-native/authorization";
import * as dataprotection from "@pulumi/azure-native/dataprotection";
import * as keyvault from "@pulumi/azure-native/keyvault";
import * as machinelearningservices from "@pulumi/azure-native/machinelearningservices";
import * as resources from "@pulumi/azure-native/resources";
import * as storage from "@pulumi/azure-native/storage";
import { AksCluster, TrustedAccessRole } from "../../index";

const config = new pulumi.Config();
const location = config.get("location") ?? "westeurope";

const group = new resources.ResourceGroup("aks-ta", { location });
const client = authorization.getClientConfigOutput();

// An Azure ML workspace needs a storage account, a key vault and Application Insights of its own.
const mlStorage = new storage.StorageAccount("mlstore", {
  resourceGroupName: group.name,
  location,
  kind: storage.Kind.StorageV2,
  sku: { name: storage.SkuName.Standard_LRS },
  allowBlobPublicAccess: false,
  minimumTlsVersion: storage.MinimumTlsVersion.TLS1_2,
});
const mlVault = new keyvault.Vault("mlvault", {
  resourceGroupName: group.name,
  location,
  properties: {
    tenantId: client.tenantId,
    sku: { family: keyvault.SkuFamily.A, name: keyvault.SkuName.Standard },
    enableRbacAuthorization: true,
    enablePurgeProtection: true,
  },
});
const mlInsights = new applicationinsights.Component("mlinsights", {
  resourceGroupName: group.name,
  location,
  kind: "web",
  applicationType: applicationinsights.ApplicationType.Web,
});
const workspace = new machinelearningservices.Workspace("ml", {
  resourceGroupName: group.name,
  location,
  identity: { type: machinelearningservices.ManagedServiceIdentityType.SystemAssigned },
  storageAccount: mlStorage.id,
  keyVault: mlVault.id,
  applicationInsights: mlInsights.id,
  sku: { name: "Basic", tier: machinelearningservices.SkuTier.Basic },
});

const backupVault = new dataprotection.BackupVault("backup", {
  resourceGroupName: group.name,
  location,
  identity: { type: "SystemAssigned" },
  properties: {
    storageSettings: [
      {
        datastoreType: dataprotection.StorageSettingStoreTypes.VaultStore,
        type: dataprotection.StorageSettingTypes.LocallyRedundant,
      },
    ],
  },
});

const aks = new AksCluster("aks", {
  resourceGroupName: group.name,
  location,
  trustedAccess: {
    // Azure ML needs both roles; one binding serves one workspace.
    ml: {
      sourceResourceId: workspace.id,
      roles: [TrustedAccessRole.MachineLearningWorkload, TrustedAccessRole.MachineLearningInference],
    },
    backup: { sourceResourceId: backupVault.id, roles: [TrustedAccessRole.BackupOperator] },
  },
  // The pool's key is its Azure name. FIPS is on by default.
  nodePools: { apps: { enableAutoScaling: true, minCount: 1, maxCount: 3 } },
});

export const clusterName = aks.clusterName;
export const clusterId = aks.clusterId;
