import { ResourceValidationPolicy } from "@pulumi/policy";
import {
  UNKNOWN,
  findCatalogRole,
  parseRole,
  privilegeReasons,
  show,
  uncataloguedRoleWarning,
} from "../../domain";
import { BINDING_FIELDS, readBindingProps } from "../readers/bindingProps";
import { stringList } from "../mechanics/configValues";
import { TRUSTED_ACCESS_DOCS } from "../mechanics/docs";
import { plainFields } from "../readers/plainProps";
import { bindingProvider } from "../readers/resourceTypes";
import { skipCheck } from "../mechanics/skipCheck";

/** Config of `aks-trusted-access-privileged-roles`, as its `configSchema` describes it. */
export interface PrivilegedRolesConfig {
  /** Roles accepted on purpose (ignoring case): powerful ones such as ML's inference-v1, or roles newer than the
   * catalog. Defaults to none. */
  readonly allowedRoles?: readonly string[];
}

export const privilegedRoles: ResourceValidationPolicy = {
  name: "aks-trusted-access-privileged-roles",
  description:
    "Flags a Trusted Access role binding that grants a role able to read secrets, exec into pods or write RBAC " +
    "objects, or a role this pack does not know.",
  enforcementLevel: "advisory",
  severity: "medium",
  url: TRUSTED_ACCESS_DOCS,
  remediationSteps:
    "Whoever controls the binding's source resource gets the role's rights in the cluster. Keep a powerful role " +
    "only when the integration needs it, and then list it in this policy's allowedRoles; otherwise remove it " +
    "from the binding's roles (`az aks trustedaccess rolebinding update --resource-group <group> --cluster-name " +
    "<cluster> --name <binding> --roles <roles>`). A role missing from the catalog is often misspelt: compare it " +
    "with `az aks trustedaccess role list --location <region>`, and list a newer role in allowedRoles once reviewed.",
  configSchema: {
    properties: {
      allowedRoles: {
        type: "array",
        items: { type: "string" },
        default: [],
        description:
          "Roles accepted on purpose, compared ignoring case: powerful ones such as ML's inference-v1, or roles " +
          "newer than the catalog.",
      },
    },
  },
  validateResource: (args, reportViolation) => {
    const provider = bindingProvider(args.type);
    if (provider === undefined) return;
    const { roles } = readBindingProps(provider, plainFields(args.props, BINDING_FIELDS));
    if (roles === UNKNOWN) return skipCheck(args, "roles");
    if (!Array.isArray(roles)) return;
    const allowed = new Set(stringList(args.getConfig<PrivilegedRolesConfig>().allowedRoles).map(lower));
    const seen = new Set<string>();
    roles.forEach((role, i) => {
      if (role === UNKNOWN) return skipCheck(args, `roles[${i}]`);
      // A malformed role is binding-valid's concern, not this policy's.
      if (typeof role !== "string" || parseRole(role) === undefined) return;
      const catalogued = findCatalogRole(role);
      const name = catalogued?.role ?? role;
      if (allowed.has(lower(name)) || seen.has(lower(name))) return;
      seen.add(lower(name));
      if (catalogued === undefined) {
        reportViolation(
          uncataloguedRoleWarning(`Trusted Access role binding ${show(args.name)}: roles[${i}]`, role) +
            " What it allows in the cluster is unknown here: check its spelling, and once reviewed list it in " +
            "this policy's allowedRoles.",
        );
        return;
      }
      const reasons = privilegeReasons(catalogued.rules);
      if (reasons.length === 0) return;
      reportViolation(
        `Trusted Access role binding ${show(args.name)} grants ${show(name)}, which ${listInWords(reasons)}: ` +
          "whoever controls its source resource gets these rights in the cluster. Keep the role only if the " +
          "integration needs it and list it in this policy's allowedRoles; otherwise remove it from the " +
          "binding's roles.",
      );
    });
  },
};

const lower = (s: string): string => s.toLowerCase();

/** ["a", "b", "c"] -> "a, b and c". */
function listInWords(items: readonly string[]): string {
  return items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
