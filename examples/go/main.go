// AksCluster and TrustedAccessBindings from a Go program: the same cluster and bindings as examples/yaml.
package main

import (
	aks "example.com/pulumi-aks-trusted-access/sdk/go/akstrustedaccess"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		mlWorkspaceID := cfg.Require("mlWorkspaceId")
		backupVaultID := cfg.Require("backupVaultId")

		// The map of bindings is a plain Go map: each key becomes a binding resource named prod-<key>, so
		// reordering keys replaces nothing. Its values may hold Outputs (e.g. a workspace's ID()).
		prod, err := aks.NewAksCluster(ctx, "prod", &aks.AksClusterArgs{
			ResourceGroupName:    pulumi.String("platform-rg"),
			ClusterName:          pulumi.String("prod-aks"),
			UpgradeChannel:       aks.KubernetesUpgradeChannelStable,
			NodeOsUpgradeChannel: aks.NodeOsUpgradeChannelNodeImage,
			SystemNodePool: &aks.SystemNodePoolArgsArgs{
				VmSize: pulumi.String("Standard_D4ds_v5"),
				Count:  pulumi.Float64(3),
			},
			Tags: pulumi.StringMap{"team": pulumi.String("platform")},
			TrustedAccess: map[string]aks.TrustedAccessBindingArgsArgs{
				"ml": {
					SourceResourceId: pulumi.String(mlWorkspaceID),
					Roles: pulumi.StringArray{
						pulumi.String("Microsoft.MachineLearningServices/workspaces/mlworkload"),
						pulumi.String("Microsoft.MachineLearningServices/workspaces/inference-v1"),
					},
				},
			},
		})
		if err != nil {
			return err
		}

		// Bindings for a cluster made elsewhere (another stack, the portal, Terraform).
		platform, err := aks.NewTrustedAccessBindings(ctx, "platform", &aks.TrustedAccessBindingsArgs{
			ResourceGroupName: pulumi.String("platform-rg"),
			ClusterName:       pulumi.String("platform-aks"),
			Bindings: map[string]aks.TrustedAccessBindingArgsArgs{
				"backup": {
					SourceResourceId: pulumi.String(backupVaultID),
					Roles:            pulumi.StringArray{pulumi.String("Microsoft.DataProtection/backupVaults/backup-operator")},
				},
			},
		})
		if err != nil {
			return err
		}

		ctx.Export("clusterName", prod.ClusterName)
		ctx.Export("clusterId", prod.ClusterId)
		ctx.Export("principalId", prod.PrincipalId)
		ctx.Export("platformBindings", platform.Bindings)
		return nil
	})
}
