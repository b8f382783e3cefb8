import type { TrustedAccessRole } from "@azure/arm-containerservice";
import { CATALOG_LOCATION, RoleRule, catalogRoles, privilegeReasons } from "../../domain";

/** A Trusted Access role with what makes it powerful, if anything. */
export interface RoleEntry {
  /** The role string bindings use, `<sourceResourceType>/<name>`. */
  readonly role: string;
  readonly sourceResourceType: string;
  readonly name: string;
  /** `privilegeReasons` of its rules: secrets, pods/exec, RBAC writes. */
  readonly privilege: readonly string[];
  readonly rules: readonly RoleRule[];
}

/** The roles of a region: asked of Azure, or the package's built-in snapshot. */
export type RolesReport =
  | {
      readonly source: "azure";
      readonly location: string;
      readonly subscriptionId: string;
      readonly roles: readonly RoleEntry[];
    }
  | { readonly source: "built-in catalog"; readonly location: string; readonly roles: readonly RoleEntry[] };

const byRole = (a: RoleEntry, b: RoleEntry): number => a.role.localeCompare(b.role, "en");

export function catalogReport(): RolesReport {
  const roles = catalogRoles.map((r) => ({ ...r, privilege: privilegeReasons(r.rules) }));
  return { source: "built-in catalog", location: CATALOG_LOCATION, roles: [...roles].sort(byRole) };
}

/** Roles as `trustedAccessRoles.list` returns them; absent rule fields count as empty lists. */
export function azureEntries(roles: readonly TrustedAccessRole[]): RoleEntry[] {
  return roles
    .map((r) => {
      const sourceResourceType = r.sourceResourceType ?? "";
      const name = r.name ?? "";
      const rules = (r.rules ?? []).map((rule) => ({
        apiGroups: rule.apiGroups ?? [],
        resources: rule.resources ?? [],
        verbs: rule.verbs ?? [],
      }));
      return {
        role: `${sourceResourceType}/${name}`,
        sourceResourceType,
        name,
        privilege: privilegeReasons(rules),
        rules,
      };
    })
    .sort(byRole);
}
