/** A Trusted Access role string, `<Namespace>/<type…>/<roleName>`, taken apart. */
export interface ParsedRole {
  /** The role string as written, e.g. `Microsoft.MachineLearningServices/workspaces/mlworkload`. */
  readonly role: string;
  /** `Namespace/type…`, e.g. `Microsoft.MachineLearningServices/workspaces`. */
  readonly sourceResourceType: string;
  readonly namespace: string;
  /** The first type segment below the namespace, e.g. `workspaces`. */
  readonly firstType: string;
  readonly roleName: string;
}

export const ROLE_FORM = '"<Namespace>/<resourceType>/<roleName>"';
export const ROLE_EXAMPLE = "Microsoft.MachineLearningServices/workspaces/mlworkload";

const NAMESPACE = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/;
const TYPE_SEGMENT = /^[A-Za-z][A-Za-z0-9]*$/;
const ROLE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function parseRole(role: string): ParsedRole | undefined {
  const segments = role.split("/");
  if (segments.length < 3) return undefined;
  const namespace = segments[0];
  const types = segments.slice(1, -1);
  const roleName = segments[segments.length - 1];
  if (!NAMESPACE.test(namespace) || !types.every((t) => TYPE_SEGMENT.test(t)) || !ROLE_NAME.test(roleName)) {
    return undefined;
  }
  return {
    role,
    sourceResourceType: [namespace, ...types].join("/"),
    namespace,
    firstType: types[0],
    roleName,
  };
}

/** Whether a source of type `namespace/firstType…` may hold a role: Azure compares namespace and first type. */
export function roleAcceptsSource(
  role: ParsedRole,
  sourceNamespace: string,
  sourceFirstType: string,
): boolean {
  return (
    role.namespace.toLowerCase() === sourceNamespace.toLowerCase() &&
    role.firstType.toLowerCase() === sourceFirstType.toLowerCase()
  );
}
