// A cluster declared without this package's component and without any Trusted Access binding.
const containerservice = require("@pulumi/azure-native/containerservice");

new containerservice.ManagedCluster("legacy", {
  resourceGroupName: "rg",
  resourceName: "legacy-aks",
  dnsPrefix: "legacy",
  identity: { type: "SystemAssigned" },
  agentPoolProfiles: [{ name: "system", mode: "System", count: 1, vmSize: "Standard_D4ds_v5" }],
});
