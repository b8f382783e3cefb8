/** An Azure Resource Manager id, taken apart. */
export interface ArmId {
  readonly subscriptionId: string;
  /** Absent for subscription-scoped resources such as Defender's pricings. */
  readonly resourceGroupName?: string;
  /** The provider namespace, e.g. `Microsoft.MachineLearningServices`. */
  readonly namespace: string;
  /** Type segments from the provider down, e.g. `["workspaces"]`. */
  readonly types: readonly string[];
  /** Name segments, one per type segment. */
  readonly names: readonly string[];
}

export type ArmIdParse =
  { readonly ok: true; readonly id: ArmId } | { readonly ok: false; readonly reason: string };

export const ARM_ID_FORMS =
  '"/subscriptions/<subscription-id>/resourceGroups/<group>/providers/<Namespace>/<type>/<name>" ' +
  'or "/subscriptions/<subscription-id>/providers/<Namespace>/<type>/<name>"';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RESOURCE_GROUP = /^[-\w.()]{0,89}[-\w()]$/;
const NAMESPACE = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/;
const TYPE_SEGMENT = /^[A-Za-z][A-Za-z0-9]*$/;

/** Parses a resource-group- or subscription-scoped ARM id; `reason` says what is wrong with anything else. */
export function parseArmId(value: string): ArmIdParse {
  const fail = (reason: string): ArmIdParse => ({ ok: false, reason });
  if (!value.startsWith("/")) return fail("it does not start with /subscriptions/");
  const segments = value.slice(1).split("/");
  if (segments.some((s) => s === "")) return fail("it has an empty segment (a doubled or trailing /)");
  let at = 0;
  const next = (): string | undefined => segments[at++];
  if (next()?.toLowerCase() !== "subscriptions") return fail("it does not start with /subscriptions/");
  const subscriptionId = next();
  if (subscriptionId === undefined || !GUID.test(subscriptionId)) {
    return fail(`its subscription id "${subscriptionId ?? ""}" is not a GUID`);
  }
  let keyword = next();
  let resourceGroupName: string | undefined;
  if (keyword?.toLowerCase() === "resourcegroups") {
    resourceGroupName = next();
    if (resourceGroupName === undefined || !RESOURCE_GROUP.test(resourceGroupName)) {
      return fail(`its resource group "${resourceGroupName ?? ""}" is not a valid resource group name`);
    }
    keyword = next();
  }
  if (keyword?.toLowerCase() !== "providers")
    return fail("it names no provider (/providers/<Namespace>/...)");
  const namespace = next();
  if (namespace === undefined || !NAMESPACE.test(namespace)) {
    return fail(`its provider namespace "${namespace ?? ""}" is not of the form Microsoft.Something`);
  }
  const rest = segments.slice(at);
  if (rest.length === 0 || rest.length % 2 !== 0) return fail("it does not end in <type>/<name> pairs");
  const types = rest.filter((_, i) => i % 2 === 0);
  const names = rest.filter((_, i) => i % 2 === 1);
  const badType = types.find((t) => !TYPE_SEGMENT.test(t));
  if (badType !== undefined) return fail(`its resource type segment "${badType}" is not a type name`);
  return { ok: true, id: { subscriptionId, resourceGroupName, namespace, types, names } };
}

/** The full type of the id, e.g. `Microsoft.Security/pricings/securityOperators`. */
export function fullType(id: ArmId): string {
  return [id.namespace, ...id.types].join("/");
}

/** Parses an AKS cluster id (`.../providers/Microsoft.ContainerService/managedClusters/<name>`), or undefined. */
export function parseClusterId(
  value: string,
): { subscriptionId: string; resourceGroupName: string; clusterName: string } | undefined {
  const parsed = parseArmId(value);
  if (!parsed.ok) return undefined;
  const { id } = parsed;
  const isCluster =
    id.resourceGroupName !== undefined &&
    id.namespace.toLowerCase() === "microsoft.containerservice" &&
    id.types.length === 1 &&
    id.types[0].toLowerCase() === "managedclusters";
  return isCluster
    ? {
        subscriptionId: id.subscriptionId,
        resourceGroupName: id.resourceGroupName as string,
        clusterName: id.names[0],
      }
    : undefined;
}
