import * as pulumi from "@pulumi/pulumi";
import type * as azureInputs from "@pulumi/azure-native/types/input";

/**
 * The cluster's `apiServerAccessProfile` for `privateCluster`: a private API server resolved through the private
 * DNS zone AKS makes ("system": a zone of your own needs a user-assigned identity). A public cluster gets no
 * profile at all, as before `privateCluster` existed, so that an existing public cluster sees no change.
 */
export function apiServerAccessProfile(
  privateCluster: pulumi.Input<boolean | undefined>,
): pulumi.Input<azureInputs.containerservice.ManagedClusterAPIServerAccessProfileArgs | undefined> {
  const profile = (isPrivate: boolean | undefined) =>
    isPrivate === false ? undefined : { enablePrivateCluster: true, privateDNSZone: "system" };
  return pulumi.Output.isInstance(privateCluster) || privateCluster instanceof Promise
    ? pulumi.output(privateCluster).apply(profile)
    : profile(privateCluster);
}

/**
 * Azure cannot turn a Private Link cluster public or private in place, and azure-native would try an update: the
 * cluster asks to be replaced instead, so that a preview shows it. The engine replaces when this path contains the
 * changed one, so the whole profile is named: adding or removing it is a change at `apiServerAccessProfile`
 * itself, which a nested path such as `apiServerAccessProfile.enablePrivateCluster` would not contain.
 */
export const PRIVATE_CLUSTER_REPLACE_ON_CHANGES = ["apiServerAccessProfile"];
