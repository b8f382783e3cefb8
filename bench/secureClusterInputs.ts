/**
 * The inputs AksCluster gives every cluster with its defaults (less names and group), for the benchmarks' hand-written
 * baseline program and synthetic stacks. The component tests spell them out on their own, as the expected value.
 */
export const secureClusterInputs = {
  location: "westeurope",
  identity: { type: "SystemAssigned" as const },
  enableRBAC: true,
  disableLocalAccounts: true,
  aadProfile: { managed: true, enableAzureRBAC: true },
  autoUpgradeProfile: { upgradeChannel: "stable", nodeOSUpgradeChannel: "NodeImage" },
  agentPoolProfiles: [
    {
      name: "system",
      mode: "System",
      osType: "Linux",
      type: "VirtualMachineScaleSets",
      vmSize: "Standard_D4ds_v5",
      count: 3,
      availabilityZones: ["1", "2", "3"],
      enableFIPS: true,
    },
  ],
  apiServerAccessProfile: { enablePrivateCluster: true, privateDNSZone: "system" },
};
