import type { RoleRule } from "./roleCatalog";

const WRITE_VERBS = new Set([
  "create",
  "update",
  "patch",
  "delete",
  "deletecollection",
  "escalate",
  "bind",
  "impersonate",
  "*",
]);
const RBAC_RESOURCES = new Set(["roles", "clusterroles", "rolebindings", "clusterrolebindings", "*"]);

const inGroup = (rule: RoleRule, group: string): boolean =>
  rule.apiGroups.includes(group) || rule.apiGroups.includes("*");
const hasResource = (rule: RoleRule, resource: string): boolean =>
  rule.resources.includes(resource) || rule.resources.includes("*");

/**
 * Why a role's rules are powerful enough to deserve a look, one reason per kind, or none:
 * it reads or writes Secrets, it may exec into pods, or it may write RBAC objects (and so grant itself more).
 */
export function privilegeReasons(rules: readonly RoleRule[]): string[] {
  const reasons: string[] = [];
  if (rules.some((r) => inGroup(r, "") && hasResource(r, "secrets") && r.verbs.length > 0)) {
    reasons.push("reads or writes secrets");
  }
  if (rules.some((r) => inGroup(r, "") && hasResource(r, "pods/exec") && r.verbs.length > 0)) {
    reasons.push("allows pods/exec");
  }
  const rbacWrites = rules.filter(
    (r) => inGroup(r, "rbac.authorization.k8s.io") && r.verbs.some((v) => WRITE_VERBS.has(v)),
  );
  const rbacResources = [
    ...new Set(rbacWrites.flatMap((r) => r.resources.filter((x) => RBAC_RESOURCES.has(x)))),
  ];
  if (rbacResources.length > 0) reasons.push(`writes RBAC objects (${rbacResources.join(", ")})`);
  return reasons;
}
