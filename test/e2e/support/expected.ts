import { EnforcementLevel } from "../../../cli/packHost";
import { Verdict } from "./engineRun";

/**
 * The pack's policies and their one-sentence descriptions. The policy SDK puts the description before every
 * message a policy reports, so the exact messages asserted below start with these.
 */
export const POLICY = {
  required: "aks-trusted-access-required",
  bindingValid: "aks-trusted-access-binding-valid",
  bindingLimits: "aks-trusted-access-binding-limits",
  identity: "aks-cluster-system-assigned-identity",
  privileged: "aks-trusted-access-privileged-roles",
  nodeOs: "aks-node-os-auto-upgrade",
  privateCluster: "aks-private-cluster",
  fips: "aks-node-pool-fips",
  kms: "aks-kms-private-key-vault",
} as const;
export type PolicyName = (typeof POLICY)[keyof typeof POLICY];

/** The policies of issue 2, about Trusted Access itself; their suites' stacks ignore the four related rules. */
export const TRUSTED_ACCESS_POLICIES: readonly PolicyName[] = [
  POLICY.required,
  POLICY.bindingValid,
  POLICY.bindingLimits,
  POLICY.identity,
  POLICY.privileged,
];

export const DESCRIPTION: Readonly<Record<PolicyName, string>> = {
  [POLICY.required]:
    "Every AKS cluster in the stack is the target of at least one Trusted Access role binding in the same stack.",
  [POLICY.bindingValid]:
    "Every Trusted Access role binding has a valid name, well-formed roles of one source type and a source " +
    "resource of that type.",
  [POLICY.bindingLimits]:
    "No AKS cluster gets more than 8 Trusted Access role bindings, two bindings with one name, or two bindings " +
    "for one source.",
  [POLICY.identity]:
    "Every AKS cluster uses a system-assigned managed identity, which Trusted Access requires.",
  [POLICY.privileged]:
    "Flags a Trusted Access role binding that grants a role able to read secrets, exec into pods or write RBAC " +
    "objects, or a role this pack does not know.",
  [POLICY.nodeOs]:
    'Every AKS cluster in the stack upgrades its nodes\' OS automatically (node OS channel "NodeImage" or ' +
    '"SecurityPatch").',
  [POLICY.privateCluster]:
    "Every AKS cluster in the stack has a private API server, reachable only from its virtual network.",
  [POLICY.fips]:
    "Every node pool of every AKS cluster in the stack, inline or a resource of its own, runs a FIPS-enabled OS.",
  [POLICY.kms]:
    "Every AKS cluster in the stack encrypts etcd with a KMS key from a key vault reachable only over a " +
    "private link.",
};

/** A diagnostic as the engine would show it: the SDK joins the description and the policy's text. */
export function verdict(policy: PolicyName, level: EnforcementLevel, urn: string, text: string): Verdict {
  return { policy, level, urn, message: `${DESCRIPTION[policy]}\n${text}` };
}

/** aks-trusted-access-required's text for a cluster without a binding. */
export function uncovered(
  pulumiName: string,
  azureName: string,
  exemptTag = "trusted-access-exempt",
): string {
  return (
    `AKS cluster "${pulumiName}" (Azure name "${azureName}") has no Trusted Access role binding in this stack, so ` +
    'it fails the Cloud Conformity rule "Enable Trusted Access for AKS Clusters": declare it with the AksCluster ' +
    "component and at least one trustedAccess entry, or add a TrustedAccessBindings component for it; to exempt " +
    `it, tag it "${exemptTag}" or list it in exemptClusters.`
  );
}

/** aks-trusted-access-privileged-roles's text for ML's inference-v1 role. */
export function inferenceRoleGranted(bindingName: string): string {
  return (
    `Trusted Access role binding "${bindingName}" grants "Microsoft.MachineLearningServices/workspaces/` +
    'inference-v1", which reads or writes secrets, allows pods/exec and writes RBAC objects (clusterroles, ' +
    "clusterrolebindings): whoever controls its source resource gets these rights in the cluster. Keep the role " +
    "only if the integration needs it and list it in this policy's allowedRoles; otherwise remove it from the " +
    "binding's roles."
  );
}

/** aks-cluster-system-assigned-identity's fix, after what it found. */
export const IDENTITY_FIX =
  'set identity: { type: "SystemAssigned" } (the AksCluster component always does), since Trusted Access ' +
  "reaches the cluster through its system-assigned managed identity.";
