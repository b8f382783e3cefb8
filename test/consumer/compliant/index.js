const { AksCluster, TrustedAccessRole } = require("aks-trusted-access");
new AksCluster("prod", {
  resourceGroupName: "rg",
  trustedAccess: {
    ml: {
      sourceResourceId:
        "/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/ml/providers/Microsoft.MachineLearningServices/workspaces/ws",
      roles: [TrustedAccessRole.MachineLearningWorkload],
    },
  },
});
