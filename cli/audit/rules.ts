import { CLUSTER_RULES, ClusterRuleInfo, LiveFinding, Severity } from "../../domain";

/**
 * What makes a live cluster non-compliant, one id per reason: the findings of the rules' catalog, each rule's own
 * first. SARIF uses the ids as rule ids.
 */
export type AuditRule = string;

/**
 * The rules `audit` checks, one per Cloud Conformity rule, named by their audit rule id (`--rule`), in the catalog's
 * order. Each may give findings of several ids: the Trusted Access rule also finds the identity and the bindings'
 * state, the node OS rule the maintenance window.
 */
export const CHECKED_RULES: readonly string[] = Object.values(CLUSTER_RULES).map((r) => r.auditRule);
export type CheckedRule = string;

/** The catalog entry (policy, component default, docs, findings) of a checked rule. */
export function catalogEntry(rule: CheckedRule): ClusterRuleInfo {
  const entry = Object.values(CLUSTER_RULES).find((r) => r.auditRule === rule);
  if (entry === undefined) throw new RangeError(`no cluster rule has the audit id ${rule}`);
  return entry;
}

export interface AuditRuleText {
  /**
   * The pack's policy that judges the same thing before deployment: its level (after `--policy-config`) is the
   * finding's, and its exemptions exempt the cluster.
   */
  readonly policy: string;
  /** A few words, for headings. */
  readonly title: string;
  /** One sentence. */
  readonly description: string;
  /** For SARIF's `security-severity`, on the scale of the policies' severities. */
  readonly severity?: Severity | "critical";
  /** Microsoft's page on it, for SARIF's `helpUri`. */
  readonly docs?: string;
  /** The catalog row of the rule that gives the finding, for SARIF's metadata. */
  readonly rule?: ClusterRuleInfo;
}

function findingText(rule: ClusterRuleInfo, f: LiveFinding): AuditRuleText {
  return {
    policy: f.policy ?? rule.policy,
    title: f.title,
    description: f.description,
    severity: f.severity ?? rule.severity,
    docs: f.docs ?? rule.docs,
    rule,
  };
}

/** Every finding id of the catalog's rules, in its order, with its words and policy. */
export const AUDIT_RULES: Readonly<Record<AuditRule, AuditRuleText>> = Object.fromEntries(
  Object.values(CLUSTER_RULES).flatMap((rule) => rule.live.findings.map((f) => [f.id, findingText(rule, f)])),
);

/** Which checked rule gives findings of each id. */
export const CHECKED_RULE_OF: Readonly<Record<AuditRule, CheckedRule>> = Object.fromEntries(
  Object.values(CLUSTER_RULES).flatMap((rule) => rule.live.findings.map((f) => [f.id, rule.auditRule])),
);

/** Advice that does not make a cluster non-compliant: the package's binding checks on live bindings. */
export const ADVICE_RULE = "binding-advice";
export const ADVICE_RULE_TEXT: Omit<AuditRuleText, "policy"> = {
  title: "Binding advice",
  description:
    "A live Trusted Access role binding meets this package's binding checks (roles, source, subscription).",
};

/** The pack's policies whose levels and exemptions a checked rule's findings follow, in the order of its finding ids. */
export function policiesOf(rule: CheckedRule): string[] {
  const entry = catalogEntry(rule);
  return [...new Set(entry.live.findings.map((f) => f.policy ?? entry.policy))];
}
