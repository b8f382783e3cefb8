import { StackValidationPolicy } from "@pulumi/policy";
import { CLUSTER_RULES, UNKNOWN, show } from "../../domain";
import { clusterBindings } from "../readers/bindingLinks";
import { stringList } from "../mechanics/configValues";
import { clusterRuleMetadata } from "../mechanics/clusterRuleMetadata";
import {
  ExemptionConfig,
  clusterExemption,
  exemptionHint,
  exemptionSchema,
  isChecked,
  readExemptions,
} from "../mechanics/exemptions";
import { Plain } from "../readers/plainProps";
import { skipCheck } from "../mechanics/skipCheck";
import { StackBinding, describeCluster, stackInventory } from "../readers/stackResources";

const RULE = CLUSTER_RULES["trusted-access"];
export const DEFAULT_EXEMPT_TAG = RULE.exemptTag;

/** Config of `aks-trusted-access-required`, as its `configSchema` describes it. */
export interface TrustedAccessRequiredConfig extends ExemptionConfig {
  /** Roles every non-exempt cluster must be granted by its bindings. Defaults to none. */
  readonly requiredRoles?: readonly string[];
}

export const trustedAccessRequired: StackValidationPolicy = {
  ...clusterRuleMetadata(RULE),
  configSchema: {
    properties: {
      ...exemptionSchema(DEFAULT_EXEMPT_TAG),
      requiredRoles: {
        type: "array",
        items: { type: "string" },
        default: [],
        description: "Roles every non-exempt cluster must be granted by its bindings.",
      },
    },
  },
  validateStack: (args, reportViolation) => {
    const config = args.getConfig<TrustedAccessRequiredConfig>();
    const exemptions = readExemptions(config, DEFAULT_EXEMPT_TAG);
    const requiredRoles = stringList(config.requiredRoles);
    const { clusters, bindings } = stackInventory(args.resources);
    const bindingsOf = clusterBindings(clusters, bindings);
    for (const cluster of clusters) {
      const urn = cluster.resource.urn;
      if (!isChecked(args, clusterExemption(cluster, exemptions), urn)) continue;
      const { targeting, undecided } = bindingsOf(cluster);
      // A binding whose target is unknown during preview may be this cluster's: no verdict by guesswork.
      if (undecided.length > 0) {
        skipCheck(
          args,
          undecided.map((b) => `the target of binding ${show(b.resource.name)}`).join(", "),
          urn,
        );
        continue;
      }
      if (targeting.length === 0) {
        reportViolation(
          `${describeCluster(cluster)} has no Trusted Access role binding in this stack, so it fails the ` +
            `Cloud Conformity rule "${RULE.conformityRule}": declare it with the AksCluster ` +
            "component and at least one trustedAccess entry, or add a TrustedAccessBindings component for it; " +
            `${exemptionHint(exemptions)}.`,
          cluster.resource.urn,
        );
        continue;
      }
      const granted = grantedRoles(targeting);
      const missing = requiredRoles.filter((role) => !granted.roles.has(role.toLowerCase()));
      if (!granted.complete && missing.length > 0) skipCheck(args, "the roles of its bindings", urn);
      else if (missing.length > 0) {
        reportViolation(
          `${describeCluster(cluster)} is not granted the required Trusted Access role(s) ` +
            `${missing.map((r) => show(r)).join(", ")} by its bindings in this stack: add them to the roles of ` +
            "a binding whose source is of the matching type (a trustedAccess entry of the AksCluster or " +
            "TrustedAccessBindings component), or change requiredRoles.",
          cluster.resource.urn,
        );
      }
    }
  },
};

/** The roles the bindings grant, lower-cased; `complete` is false when some role is unknown during preview. */
function grantedRoles(bindings: readonly StackBinding[]): { roles: Set<string>; complete: boolean } {
  const roles = new Set<string>();
  let complete = true;
  for (const binding of bindings) {
    if (binding.roles === UNKNOWN) complete = false;
    const list: readonly Plain[] = Array.isArray(binding.roles) ? binding.roles : [];
    for (const role of list) {
      if (role === UNKNOWN) complete = false;
      else if (typeof role === "string") roles.add(role.toLowerCase());
    }
  }
  return { roles, complete };
}
