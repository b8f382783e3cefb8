import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import type { CheckedBinding } from "./bindingChecks";
import type { ClusterLocator } from "./clusterLocator";

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
  targetOf: () => ClusterLocator,
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
