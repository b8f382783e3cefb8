import * as pulumi from "@pulumi/pulumi";

/**
 * One Trusted Access role binding: lets the source resource's system-assigned managed identity reach the
 * cluster's Kubernetes API with the given roles. Used as the values of a map whose keys are stable names of your
 * choosing: the binding resource is named `<component name>-<key>`, so renaming a key replaces the binding.
 */
export interface TrustedAccessBindingArgs {
  /**
   * ARM id of the resource that gets access, e.g. an Azure Machine Learning workspace's `id`. Its type must be the
   * roles' source resource type (a child of it is allowed, as for Defender). It needs a system-assigned managed
   * identity, and Azure documents it in the cluster's subscription. It cannot change in place: a new source
   * replaces the binding (deleted first, since the new one keeps the name). One binding per source.
   */
  readonly sourceResourceId: pulumi.Input<string>;
  /**
   * Roles to grant, each `<Namespace>/<resourceType>/<roleName>`, all of the source's type; see
   * `TrustedAccessRole` for the known ones (Azure ML needs both `mlworkload` and `inference-v1`). A role missing
   * from the package's catalog is allowed but logged as a warning: check it with
   * `az aks trustedaccess role list --location <cluster-location>`.
   */
  readonly roles: pulumi.Input<pulumi.Input<string>[]>;
  /**
   * The binding's Azure name: 1-24 letters, digits or hyphens, unique per cluster ignoring case.
   * Defaults to the map key.
   */
  readonly name?: pulumi.Input<string>;
}
