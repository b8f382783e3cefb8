/** What makes a live cluster non-compliant, one id per reason; SARIF uses the ids as rule ids. */
export const AuditRule = {
  TrustedAccessMissing: "trusted-access-missing",
  IdentityNotSystemAssigned: "identity-not-system-assigned",
  BindingNotSucceeded: "binding-not-succeeded",
} as const;
export type AuditRule = (typeof AuditRule)[keyof typeof AuditRule];

export interface AuditRuleText {
  /** A few words, for headings. */
  readonly title: string;
  /** One sentence. */
  readonly description: string;
  /** For SARIF's `security-severity`, on the scale of the policies' severities. */
  readonly severity?: "low" | "medium" | "high" | "critical";
}

export const AUDIT_RULES: Readonly<Record<AuditRule, AuditRuleText>> = {
  "trusted-access-missing": {
    title: "Trusted Access not enabled",
    description:
      "An AKS cluster has at least one Trusted Access role binding (the Cloud Conformity rule " +
      "'Enable Trusted Access for AKS Clusters').",
    severity: "medium",
  },
  "identity-not-system-assigned": {
    title: "Cluster identity not system-assigned",
    description: "An AKS cluster uses a system-assigned managed identity, as the Trusted Access rule asks.",
    severity: "medium",
  },
  "binding-not-succeeded": {
    title: "Role binding not provisioned",
    description: "Every Trusted Access role binding of a cluster is in provisioning state Succeeded.",
    severity: "low",
  },
};

/** Advice that does not make a cluster non-compliant: the package's binding checks on live bindings. */
export const ADVICE_RULE = "binding-advice";
export const ADVICE_RULE_TEXT: AuditRuleText = {
  title: "Binding advice",
  description:
    "A live Trusted Access role binding meets this package's binding checks (roles, source, subscription).",
};
