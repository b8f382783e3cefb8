// A consumer's plain-JavaScript program: uses AksCluster from the installed tarball under Pulumi's mocks and prints
// what was registered as JSON on stdout.
const pulumi = require("@pulumi/pulumi");

const registered = [];
pulumi.runtime.setMocks(
  {
    newResource: (args) => {
      registered.push({ type: args.type, name: args.name, inputs: args.inputs });
      return {
        id: `${args.name}-id`,
        state: { ...args.inputs, name: args.inputs.resourceName ?? args.name },
      };
    },
    call: () => ({}),
  },
  "consumer",
  "test",
  false,
);

const { AksCluster, TrustedAccessRole } = require("aks-trusted-access");

const workspace =
  "/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/ml/providers/Microsoft.MachineLearningServices/workspaces/ws";
const cluster = new AksCluster("prod", {
  resourceGroupName: "rg",
  trustedAccess: {
    ml: {
      sourceResourceId: workspace,
      roles: [TrustedAccessRole.MachineLearningWorkload, TrustedAccessRole.MachineLearningInference],
    },
  },
});

cluster.clusterName.apply(() => {
  // Outputs resolve after every registration above; give the mocks a tick to finish recording.
  setImmediate(() => process.stdout.write(JSON.stringify(registered)));
});
