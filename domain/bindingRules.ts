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

/**
 * One field's rule on one value: failed when `errors` is not empty, passed when it is empty and `value` is set,
 * and no verdict yet when the value (or part of it) is unknown. `value` is the value parsed, whenever the rules that
 * combine fields can use it (a repeated role is an error of the list, yet the roles still name a source type).
 */
export interface FieldCheck<T> extends Findings {
  readonly value?: T;
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
  const name = checkBindingName(binding.label, binding.nameField ?? "name", binding.name);
  const roles = checkRoles(binding.label, binding.roles);
  const source = checkSourceResourceId(binding.label, binding.sourceResourceId);
  const fit = checkRolesFitSource(binding.label, roles.value, source.value);
  return joinFindings([name, roles, source, fit]);
}

/** All the errors, then all the warnings, of several checks, in order. */
export function joinFindings(all: readonly Findings[]): Findings {
  return { errors: all.flatMap((f) => f.errors), warnings: all.flatMap((f) => f.warnings) };
}

/** The binding's Azure name: what Azure accepts for a Trusted Access role binding. */
export function checkBindingName(label: string, nameField: string, name: unknown): FieldCheck<string> {
  if (name === UNKNOWN) return { errors: [], warnings: [] };
  if (typeof name === "string" && isValidBindingName(name)) return { errors: [], warnings: [], value: name };
  return {
    errors: [
      `${fieldPath(label, nameField)} ${show(name)} is not a valid binding name: use ${BINDING_NAME_RULE}.`,
    ],
    warnings: [],
  };
}

/**
 * The roles list: well-formed roles, each once, all for one source resource type. Passes with the parsed roles
 * when every role is known; warns for roles that the catalog does not hold.
 */
export function checkRoles(label: string, value: unknown): FieldCheck<ParsedRole[]> {
  const at = (field: string): string => fieldPath(label, field);
  if (value === UNKNOWN) return { errors: [], warnings: [] };
  const allowed = `give one or more role strings such as "${ROLE_EXAMPLE}"`;
  if (!Array.isArray(value)) {
    return { errors: [`${at("roles")} ${show(value)} is not a list of roles: ${allowed}.`], warnings: [] };
  }
  if (value.length === 0) return { errors: [`${at("roles")} is empty: ${allowed}.`], warnings: [] };
  const errors: string[] = [];
  const warnings: string[] = [];
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
      errors.push(
        `${at(`roles[${i}]`)} ${show(role)} is not a role: write ${ROLE_FORM}, e.g. "${ROLE_EXAMPLE}".`,
      );
      allKnownAndValid = false;
      return;
    }
    const earlier = firstIndexOf.get(role.toLowerCase());
    if (earlier !== undefined) {
      errors.push(`${at(`roles[${i}]`)} ${show(role)} repeats roles[${earlier}]: list each role once.`);
      return;
    }
    firstIndexOf.set(role.toLowerCase(), i);
    if (findCatalogRole(role) === undefined) warnings.push(uncataloguedRoleWarning(at(`roles[${i}]`), role));
    parsed.push(parsedRole);
  });
  const types = [
    ...new Map(parsed.map((r) => [r.sourceResourceType.toLowerCase(), r.sourceResourceType])).values(),
  ];
  if (types.length > 1) {
    errors.push(
      `${at("roles")} mix source resource types ${types.map((t) => `"${t}"`).join(" and ")}: a binding serves ` +
        "one source, so give the roles of each type a binding of their own.",
    );
    return { errors, warnings };
  }
  return allKnownAndValid ? { errors, warnings, value: parsed } : { errors, warnings };
}

/** The source resource id: an Azure resource id. Passes with it parsed. */
export function checkSourceResourceId(label: string, value: unknown): FieldCheck<SourceId> {
  if (value === UNKNOWN) return { errors: [], warnings: [] };
  const parsed =
    typeof value === "string" ? parseArmId(value) : { ok: false as const, reason: "it is not a string" };
  if (!parsed.ok) {
    return {
      errors: [
        `${fieldPath(label, "sourceResourceId")} ${show(value)} is not an Azure resource id (${parsed.reason}): ` +
          `expected ${ARM_ID_FORMS}.`,
      ],
      warnings: [],
    };
  }
  return { errors: [], warnings: [], value: { text: value as string, id: parsed.id } };
}

/** A source resource id as given, and parsed. */
export interface SourceId {
  readonly text: string;
  readonly id: ArmId;
}

/**
 * What needs roles and source together: the source is of the type the roles are made for. No verdict until both
 * have passed their own rules (pass the `value`s of {@link checkRoles} and {@link checkSourceResourceId}).
 */
export function checkRolesFitSource(
  label: string,
  roles: readonly ParsedRole[] | undefined,
  source: SourceId | undefined,
): Findings {
  if (roles === undefined || roles.length === 0 || source === undefined) return { errors: [], warnings: [] };
  const role = roles[0];
  if (roleAcceptsSource(role, source.id.namespace, source.id.types[0])) return { errors: [], warnings: [] };
  return {
    errors: [
      `${fieldPath(label, "sourceResourceId")} ${show(source.text)} is a "${fullType(source.id)}" resource, ` +
        `but ${rolesNeed(roles)} a "${role.sourceResourceType}" resource: point sourceResourceId at a ` +
        `${role.sourceResourceType} resource, or choose roles made for ${fullType(source.id)}.`,
    ],
    warnings: [],
  };
}

/** `its role "A" needs` or `its roles "A" and "B" need`: the roles named, so the message says which to change. */
function rolesNeed(roles: readonly ParsedRole[]): string {
  const quoted = roles.map((r) => show(r.role));
  if (quoted.length === 1) return `its role ${quoted[0]} needs`;
  return `its roles ${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]} need`;
}
