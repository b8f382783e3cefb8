import { MAX_BINDINGS_PER_CLUSTER } from "../../../domain/bindingRules";
import { StandinState, StoredResource } from "./standinState";

const CLUSTER_CHILD =
  /^(.*\/managedClusters\/[^/]+)\/(trustedAccessRoleBindings|agentPools|maintenanceConfigurations)\/[^/]+$/i;

/**
 * What Azure refuses on a PUT of a resource, where we know the rule (DOMAIN.md), as the error message the stand-in
 * returns; `undefined` when it would accept. `existing` is the stored resource on an update. The wording is ours:
 * Azure's own messages are not published for every case.
 */
export function azureRefusal(
  state: StandinState,
  type: string,
  id: string,
  inputs: Readonly<Record<string, unknown>>,
  existing: StoredResource | undefined,
): string | undefined {
  const child = CLUSTER_CHILD.exec(id);
  if (child === null) return undefined;
  const clusterId = child[1];
  if (state.get(clusterId) === undefined) {
    return `(ResourceNotFound) the managed cluster ${clusterId} does not exist`;
  }
  if (!/:TrustedAccessRoleBinding$/.test(type)) return undefined;

  const source = String(inputs.sourceResourceId).toLowerCase();
  if (existing !== undefined) {
    const before = String(existing.inputs.sourceResourceId).toLowerCase();
    return before === source
      ? undefined
      : `(BadRequest) trusted access role binding ${id}: sourceResourceId cannot be changed ` +
          `(from ${String(existing.inputs.sourceResourceId)} to ${String(inputs.sourceResourceId)}); ` +
          "delete the binding and create it again";
  }
  const siblings = state
    .children(clusterId, "trustedAccessRoleBindings")
    .filter(([other]) => other !== id.toLowerCase());
  if (siblings.length >= MAX_BINDINGS_PER_CLUSTER) {
    return (
      `(BadRequest) the managed cluster ${clusterId} already has ${siblings.length} trusted access role bindings, ` +
      `the most Azure allows is ${MAX_BINDINGS_PER_CLUSTER}`
    );
  }
  const same = siblings.find(([, other]) => String(other.inputs.sourceResourceId).toLowerCase() === source);
  if (same !== undefined) {
    return (
      `(BadRequest) the managed cluster ${clusterId} already has a trusted access role binding for ` +
      `${String(inputs.sourceResourceId)}: ${same[0]}`
    );
  }
  return undefined;
}
