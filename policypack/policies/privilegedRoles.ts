import { ResourceValidationPolicy } from "@pulumi/policy";
import { findCatalogRole, privilegeReasons, show } from "../domain";
import { BINDING_FIELDS, readBindingProps } from "./bindingProps";
import { stringList } from "./configValues";
import { TRUSTED_ACCESS_DOCS } from "./docs";
import { plainFields } from "./plainProps";
import { bindingProvider } from "./resourceTypes";

/** Config of `aks-trusted-access-privileged-roles`, as its `configSchema` describes it. */
export interface PrivilegedRolesConfig {
  /** Powerful roles accepted on purpose (ignoring case), e.g. ML's inference-v1. Defaults to none. */
  readonly allowedRoles?: readonly string[];
}

export const privilegedRoles: ResourceValidationPolicy = {
  name: "aks-trusted-access-privileged-roles",
  description:
    "Flags a Trusted Access role binding that grants a role able to read secrets, exec into pods or write RBAC objects.",
  enforcementLevel: "advisory",
  severity: "medium",
  url: TRUSTED_ACCESS_DOCS,
  remediationSteps:
    "Whoever controls the binding's source resource gets the role's rights in the cluster. Keep a powerful role " +
    "only when the integration needs it, and then list it in this policy's allowedRoles; otherwise remove it " +
    "from the binding's roles (`az aks trustedaccess rolebinding update --resource-group <group> --cluster-name " +
    "<cluster> --name <binding> --roles <roles>`).",
  configSchema: {
    properties: {
      allowedRoles: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Powerful roles accepted on purpose, e.g. ML's inference-v1 (compared ignoring case).",
      },
    },
  },
  validateResource: (args, reportViolation) => {
    const provider = bindingProvider(args.type);
    if (provider === undefined) return;
    const { roles } = readBindingProps(provider, plainFields(args.props, BINDING_FIELDS));
    if (!Array.isArray(roles)) return;
    const allowed = new Set(stringList(args.getConfig<PrivilegedRolesConfig>().allowedRoles).map(lower));
    const seen = new Set<string>();
    for (const role of roles) {
      // Only catalogued roles have known rules; an unknown or malformed role is another policy's concern.
      const catalogued = typeof role === "string" ? findCatalogRole(role) : undefined;
      if (catalogued === undefined || allowed.has(lower(catalogued.role)) || seen.has(catalogued.role))
        continue;
      seen.add(catalogued.role);
      const reasons = privilegeReasons(catalogued.rules);
      if (reasons.length === 0) continue;
      reportViolation(
        `Trusted Access role binding ${show(args.name)} grants ${show(catalogued.role)}, which ` +
          `${listInWords(reasons)}: whoever controls its source resource gets these rights in the cluster. ` +
          "Keep the role only if the integration needs it and list it in this policy's allowedRoles; " +
          "otherwise remove it from the binding's roles.",
      );
    }
  },
};

const lower = (s: string): string => s.toLowerCase();

/** ["a", "b", "c"] -> "a, b and c". */
function listInWords(items: readonly string[]): string {
  return items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
