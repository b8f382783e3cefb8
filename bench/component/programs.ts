/**
 * The two programs the component benchmark compares: N `AksCluster`s with 3 Trusted Access bindings each, and the
 * same azure-native resources with the same inputs written by hand, as a careful user would without the
 * component. The benchmark checks that both register the same resources before it times them.
 */
import { secureClusterInputs } from "../secureClusterInputs";
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as resources from "@pulumi/azure-native/resources";
import { AksCluster } from "../../components";
import { TrustedAccessRole } from "../../domain";
import { SUBSCRIPTION } from "./mockRuntime";

interface BindingSpec {
  readonly roles: string[];
  readonly sourceResourceId: string;
}

/** The i-th cluster's bindings, by key: Azure ML, Backup and Defender, as in the pack benchmark. */
export function bindingSpecs(index: number): Record<string, BindingSpec> {
  const sources = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-sources-${index}/providers`;
  return {
    ml: {
      roles: [TrustedAccessRole.MachineLearningWorkload, TrustedAccessRole.MachineLearningInference],
      sourceResourceId: `${sources}/Microsoft.MachineLearningServices/workspaces/ml-${index}`,
    },
    backup: {
      roles: [TrustedAccessRole.BackupOperator],
      sourceResourceId: `${sources}/Microsoft.DataProtection/backupVaults/backup-${index}`,
    },
    defender: {
      roles: [TrustedAccessRole.DefenderOperator],
      sourceResourceId:
        `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.Security/pricings/CloudPosture` +
        "/securityOperators/DefenderCSPMSecurityOperator",
    },
  };
}

const clusterName = (index: number): string => `aks-bench-${index}`;

/** N AksClusters in one resource group. */
export function componentProgram(clusters: number): () => void {
  return () => {
    const group = new resources.ResourceGroup("rg-bench", { location: "westeurope" });
    for (let i = 0; i < clusters; i++) {
      new AksCluster(`aks-${i}`, {
        resourceGroupName: group.name,
        location: "westeurope",
        clusterName: clusterName(i),
        trustedAccess: bindingSpecs(i),
      });
    }
  };
}

/**
 * The resources AksCluster registers, written out: the cluster with its secure defaults, its bindings, then its
 * node OS maintenance window.
 */
export function directProgram(clusters: number): () => void {
  return () => {
    const group = new resources.ResourceGroup("rg-bench", { location: "westeurope" });
    for (let i = 0; i < clusters; i++) {
      const cluster = new containerservice.ManagedCluster(
        `aks-${i}`,
        {
          resourceGroupName: group.name,
          ...secureClusterInputs,
          resourceName: clusterName(i),
          dnsPrefix: clusterName(i),
        },
        // Azure cannot turn a cluster private or public in place.
        { replaceOnChanges: ["apiServerAccessProfile"] },
      );
      for (const [key, binding] of Object.entries(bindingSpecs(i))) {
        new containerservice.TrustedAccessRoleBinding(
          `aks-${i}-${key}`,
          {
            resourceGroupName: group.name,
            resourceName: cluster.name,
            trustedAccessRoleBindingName: key,
            roles: binding.roles,
            sourceResourceId: binding.sourceResourceId,
          },
          // Azure cannot change a binding's source in place; the replacement keeps the name.
          { replaceOnChanges: ["sourceResourceId"], deleteBeforeReplace: true },
        );
      }
      new containerservice.MaintenanceConfiguration(`aks-${i}-node-os-window`, {
        resourceGroupName: group.name,
        resourceName: cluster.name,
        configName: "aksManagedNodeOSUpgradeSchedule",
        maintenanceWindow: {
          schedule: { weekly: { dayOfWeek: "Sunday", intervalWeeks: 1 } },
          durationHours: 4,
          startTime: "00:00",
          utcOffset: "+00:00",
        },
      });
    }
  };
}
