"""AksCluster from Python, through the SDK that `pulumi package add` generates.

Once, in this folder (Node.js 20 or later must be installed: Pulumi runs the package with it):

    pulumi package add ../..      # or: pulumi package add https://github.com/<org>/aks-trusted-access@v0.1.0

Pulumi installs the package (npm install, which builds it), reads its schema, writes the SDK to
sdks/aks-trusted-access and adds it to requirements.txt; `import pulumi_aks_trusted_access` then works.
"""

import pulumi
import pulumi_aks_trusted_access as aks
from pulumi_azure_native import machinelearningservices, resources

config = pulumi.Config()
location = config.get("location") or "westeurope"

group = resources.ResourceGroup("aks-ta", location=location)

# Storage account, key vault and Application Insights of the workspace, as in examples/basic.
workspace = machinelearningservices.Workspace(
    "ml",
    resource_group_name=group.name,
    location=location,
    identity={"type": machinelearningservices.ManagedServiceIdentityType.SYSTEM_ASSIGNED},
    storage_account=config.require("mlStorageAccountId"),
    key_vault=config.require("mlKeyVaultId"),
    application_insights=config.require("mlInsightsId"),
)

# The map of bindings is a plain dict (its keys name the binding resources); its values may hold Outputs.
cluster = aks.AksCluster(
    "prod",
    resource_group_name=group.name,
    location=location,
    upgrade_channel=aks.KubernetesUpgradeChannel.STABLE,
    node_os_upgrade_channel=aks.NodeOsUpgradeChannel.NODE_IMAGE,
    trusted_access={
        "ml": {
            "source_resource_id": workspace.id,
            "roles": [
                "Microsoft.MachineLearningServices/workspaces/mlworkload",
                "Microsoft.MachineLearningServices/workspaces/inference-v1",
            ],
        },
    },
)

pulumi.export("cluster_name", cluster.cluster_name)
pulumi.export("principal_id", cluster.principal_id)
