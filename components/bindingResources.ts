import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import type { CheckedBinding } from "./bindingChecks";

/** The cluster the bindings belong to. */
export interface BindingTarget {
  readonly resourceGroupName: pulumi.Input<string>;
  /** The cluster's Azure name; pass the cluster's output when it is made in this stack, so the engine sees the link. */
  readonly clusterName: pulumi.Input<string>;
}

/** Azure cannot change a binding's source in place, and the replacement keeps the name: delete it first. */
const BINDING_OPTIONS: pulumi.CustomResourceOptions = {
  replaceOnChanges: ["sourceResourceId"],
  deleteBeforeReplace: true,
};

/**
 * One Trusted Access role binding per checked binding, named `<name>-<key>`, children of `parent`, by key.
 * `targetOf` gives each binding its cluster: a value held back by a check must not be shared (see `Hold`).
 */
export function createBindings(
  name: string,
  bindings: readonly CheckedBinding[],
  targetOf: () => BindingTarget,
  parent: pulumi.ComponentResource,
): Record<string, containerservice.TrustedAccessRoleBinding> {
  const opts = pulumi.mergeOptions({ parent }, BINDING_OPTIONS);
  return Object.fromEntries(
    bindings.map((binding) => {
      const target = targetOf();
      const resource = new containerservice.TrustedAccessRoleBinding(
        `${name}-${binding.key}`,
        {
          resourceGroupName: target.resourceGroupName,
          resourceName: target.clusterName,
          trustedAccessRoleBindingName: binding.name,
          roles: binding.roles,
          sourceResourceId: binding.sourceResourceId,
        },
        opts,
      );
      return [binding.key, resource];
    }),
  );
}
