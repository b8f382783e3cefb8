import { ReportViolation, StackValidationArgs } from "@pulumi/policy";
import { ClusterRuleInfo, RuleVerdict } from "../../domain";
import { ruleViolation } from "./clusterRuleMessage";
import {
  Exemption,
  ExemptionConfig,
  Exemptions,
  clusterExemption,
  isChecked,
  readExemptions,
} from "./exemptions";
import { skipCheck } from "./skipCheck";
import { StackCluster, describeCluster, stackClusters } from "../readers/stackResources";

/** The resource a verdict is about, as a violation and a skipped check name it. */
export interface JudgedResource {
  readonly urn: string;
  /** The subject of the violation, e.g. `AKS cluster "aks" (Azure name "aks-prod")`. */
  readonly subject: string;
  /** How a skipped check names the unknown field; the field itself by default. */
  readonly unknown?: (field: string) => string;
}

/**
 * One call of a cluster rule's policy (the four related AKS rules): its exemptions, the stack's clusters, and how
 * a domain verdict on a resource becomes the pack's output: a skipped check when a value is unknown, nothing on a
 * pass, the rule's violation (with its fix and the exemption hint) on a fail.
 */
export class ClusterRuleCheck {
  readonly exemptions: Exemptions;
  readonly clusters: readonly StackCluster[];

  constructor(
    private readonly args: StackValidationArgs,
    private readonly reportViolation: ReportViolation,
    private readonly rule: ClusterRuleInfo,
    exemptTag: string,
  ) {
    this.exemptions = readExemptions(args.getConfig<ExemptionConfig>(), exemptTag);
    this.clusters = stackClusters(args.resources);
  }

  /**
   * The clusters the policy checks, in stack order. Lazy, so that a cluster's undecided exemption is said as a
   * skip in turn with the skips of the clusters before it.
   */
  *checkedClusters(): Generator<StackCluster> {
    for (const cluster of this.clusters) {
      if (this.isChecked(clusterExemption(cluster, this.exemptions), cluster.resource.urn)) yield cluster;
    }
  }

  isChecked(exemption: Exemption, urn: string): boolean {
    return isChecked(this.args, exemption, urn);
  }

  skip(unknown: string, urn: string): void {
    skipCheck(this.args, unknown, urn);
  }

  /** Says a verdict on a resource; `fix` is asked for only on a fail. */
  judge(resource: JudgedResource, verdict: RuleVerdict, fix: () => string): void {
    if (verdict.status === "unknown") {
      this.skip(resource.unknown?.(verdict.field) ?? verdict.field, resource.urn);
    } else if (verdict.status === "fail") {
      this.reportViolation(
        ruleViolation(resource.subject, verdict.problem, this.rule, fix(), this.exemptions),
        resource.urn,
      );
    }
  }

  /** {@link judge} of a verdict on the cluster itself. */
  judgeCluster(cluster: StackCluster, verdict: RuleVerdict, fix: () => string): void {
    this.judge({ urn: cluster.resource.urn, subject: describeCluster(cluster) }, verdict, fix);
  }
}
