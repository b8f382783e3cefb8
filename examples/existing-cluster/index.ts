// Trusted Access for a cluster made elsewhere (another stack, the portal, Terraform): name it in stack config.
//   pulumi config set clusterName my-aks
//   pulumi config set resourceGroupName my-rg
//   pulumi config set backupVaultId /subscriptions/.../providers/Microsoft.DataProtection/backupVaults/my-vault
import * as pulumi from "@pulumi/pulumi";
import { TrustedAccessBindings, TrustedAccessRole } from "../../index";

const config = new pulumi.Config();

const bindings = new TrustedAccessBindings("existing", {
  resourceGroupName: config.require("resourceGroupName"),
  clusterName: config.require("clusterName"),
  bindings: {
    backup: { sourceResourceId: config.require("backupVaultId"), roles: [TrustedAccessRole.BackupOperator] },
  },
});

export const bindingNames = Object.keys(bindings.bindings);
