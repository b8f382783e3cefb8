import { ARM_ID_FORMS, ArmId, fullType, parseArmId } from "./armId";
import { BINDING_NAME_RULE, isValidBindingName } from "./names";
import { findCatalogRole, uncataloguedRoleWarning } from "./roleCatalog";
import { ParsedRole, ROLE_EXAMPLE, ROLE_FORM, parseRole, roleAcceptsSource } from "./roles";
import { show } from "./show";
import { UNKNOWN } from "./unknown";

/** Azure's documented limit of Trusted Access role bindings per cluster. */
export const MAX_BINDINGS_PER_CLUSTER = 8;

/** Errors make a binding invalid; warnings are worth a look but Azure may accept them. */
export interface Findings {
  readonly errors: string[];
  readonly warnings: string[];
}

/** One binding as its declaration holds it. Any value may be `UNKNOWN`, and any may have the wrong type. */
export interface BindingFields {
  /** Prefix that names the binding in messages, e.g. `trustedAccess["ml"]`; empty for bare field names. */
  readonly label: string;
  /** The field that holds the Azure name: `name`, or azure-native's `trustedAccessRoleBindingName`. */
  readonly nameField?: string;
  readonly name: unknown;
  readonly roles: unknown;
  readonly sourceResourceId: unknown;
}

export function fieldPath(label: string, field: string): string {
  return label === "" ? field : `${label}.${field}`;
}

/** The rules one binding must meet on its own: name, roles, source id, and that source and roles agree. */
export function checkBinding(binding: BindingFields): Findings {
  const findings: Findings = { errors: [], warnings: [] };
  const at = (field: string): string => fieldPath(binding.label, field);
  const nameField = binding.nameField ?? "name";
  if (binding.name !== UNKNOWN && !(typeof binding.name === "string" && isValidBindingName(binding.name))) {
    findings.errors.push(
      `${at(nameField)} ${show(binding.name)} is not a valid binding name: use ${BINDING_NAME_RULE}.`,
    );
  }
  const roles = checkRoles(binding.roles, at, findings);
  const source = checkSourceResourceId(binding.sourceResourceId, at, findings);
  if (roles !== undefined && roles.length > 0 && source !== undefined) {
    const role = roles[0];
    if (!roleAcceptsSource(role, source.namespace, source.types[0])) {
      findings.errors.push(
        `${at("sourceResourceId")} ${show(binding.sourceResourceId)} is a "${fullType(source)}" resource, ` +
          `but ${rolesNeed(roles)} a "${role.sourceResourceType}" resource: point sourceResourceId at a ` +
          `${role.sourceResourceType} resource, or choose roles made for ${fullType(source)}.`,
      );
    }
  }
  return findings;
}

/** `its role "A" needs` or `its roles "A" and "B" need`: the roles named, so the message says which to change. */
function rolesNeed(roles: readonly ParsedRole[]): string {
  const quoted = roles.map((r) => show(r.role));
  if (quoted.length === 1) return `its role ${quoted[0]} needs`;
  return `its roles ${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]} need`;
}

/** Checks the roles list; returns the parsed roles when all are known, well-formed and of one source type. */
function checkRoles(
  value: unknown,
  at: (field: string) => string,
  findings: Findings,
): ParsedRole[] | undefined {
  if (value === UNKNOWN) return undefined;
  const allowed = `give one or more role strings such as "${ROLE_EXAMPLE}"`;
  if (!Array.isArray(value)) {
    findings.errors.push(`${at("roles")} ${show(value)} is not a list of roles: ${allowed}.`);
    return undefined;
  }
  if (value.length === 0) {
    findings.errors.push(`${at("roles")} is empty: ${allowed}.`);
    return undefined;
  }
  const parsed: ParsedRole[] = [];
  const firstIndexOf = new Map<string, number>();
  let allKnownAndValid = true;
  value.forEach((role: unknown, i) => {
    if (role === UNKNOWN) {
      allKnownAndValid = false;
      return;
    }
    const parsedRole = typeof role === "string" ? parseRole(role) : undefined;
    if (typeof role !== "string" || parsedRole === undefined) {
      findings.errors.push(
        `${at(`roles[${i}]`)} ${show(role)} is not a role: write ${ROLE_FORM}, e.g. "${ROLE_EXAMPLE}".`,
      );
      allKnownAndValid = false;
      return;
    }
    const earlier = firstIndexOf.get(role.toLowerCase());
    if (earlier !== undefined) {
      findings.errors.push(
        `${at(`roles[${i}]`)} ${show(role)} repeats roles[${earlier}]: list each role once.`,
      );
      return;
    }
    firstIndexOf.set(role.toLowerCase(), i);
    if (findCatalogRole(role) === undefined)
      findings.warnings.push(uncataloguedRoleWarning(at(`roles[${i}]`), role));
    parsed.push(parsedRole);
  });
  const types = [
    ...new Map(parsed.map((r) => [r.sourceResourceType.toLowerCase(), r.sourceResourceType])).values(),
  ];
  if (types.length > 1) {
    findings.errors.push(
      `${at("roles")} mix source resource types ${types.map((t) => `"${t}"`).join(" and ")}: a binding serves ` +
        "one source, so give the roles of each type a binding of their own.",
    );
    return undefined;
  }
  return allKnownAndValid ? parsed : undefined;
}

function checkSourceResourceId(
  value: unknown,
  at: (field: string) => string,
  findings: Findings,
): ArmId | undefined {
  if (value === UNKNOWN) return undefined;
  const parsed =
    typeof value === "string" ? parseArmId(value) : { ok: false as const, reason: "it is not a string" };
  if (!parsed.ok) {
    findings.errors.push(
      `${at("sourceResourceId")} ${show(value)} is not an Azure resource id (${parsed.reason}): expected ${ARM_ID_FORMS}.`,
    );
    return undefined;
  }
  return parsed.id;
}
