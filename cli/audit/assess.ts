import {
  BINDING_STATES,
  checkBinding,
  checkBindingSet,
  isSystemAssigned,
  judgeBindingState,
  show,
  TRUSTED_ACCESS_FINDING,
} from "../../domain";
import type { AuditedBinding, LiveCluster, RuleFinding } from "./report";

export interface Assessment {
  /** What fails the rule; empty when the cluster passes it. */
  readonly findings: RuleFinding[];
  /** The package's binding checks applied to the live bindings; they do not change compliance. */
  readonly warnings: string[];
  /** Binding states that are no finding but worth saying: a change in progress, a state the API does not define. */
  readonly notices: string[];
}

/**
 * Judges one live cluster by the Trusted Access rule: it fails without bindings (the Cloud Conformity rule), with an
 * identity that is not system-assigned, or with a binding that Azure failed to apply, whose change was canceled, or
 * that Azure is deleting.
 */
export function assessCluster(cluster: LiveCluster, bindings: readonly AuditedBinding[]): Assessment {
  const findings: RuleFinding[] = [];
  const notices: string[] = [];
  if (bindings.length === 0) {
    findings.push({
      rule: TRUSTED_ACCESS_FINDING.missing,
      message:
        "has no Trusted Access role bindings (`az aks trustedaccess rolebinding list` returns []): give each " +
        "Azure service that reaches its API server a role binding.",
    });
  }
  findings.push(...identityFindings(cluster));
  for (const b of bindings) {
    const state = judgeBindingState(b.provisioningState);
    if (state.kind === "usable") continue;
    const binding = `binding ${show(b.name)}`;
    const inState = `in provisioning state ${show(state.state)}`;
    if (state.kind === "unusable") {
      findings.push({
        rule: TRUSTED_ACCESS_FINDING.binding,
        binding: b.name,
        message: `has ${binding} ${inState}: ${state.problem}.`,
      });
    } else if (state.kind === "in-progress") {
      notices.push(
        `${binding} is ${inState}: a change is in progress, so it is no finding; audit again when it is done.`,
      );
    } else {
      notices.push(
        `${binding} is ${inState}, which Azure's API does not define (${BINDING_STATES.join(", ")}): it is no ` +
          "finding; see what it means with `az aks trustedaccess rolebinding show`.",
      );
    }
  }
  return { findings, warnings: bindingWarnings(cluster, bindings), notices };
}

/** The part of the Trusted Access rule that needs no bindings: the cluster's identity is system-assigned. */
export function identityFindings(cluster: LiveCluster): RuleFinding[] {
  if (isSystemAssigned(cluster.identityType)) return [];
  return [
    {
      rule: TRUSTED_ACCESS_FINDING.identity,
      message:
        `uses identity type "${cluster.identityType}", not a system-assigned managed identity, which the ` +
        "Trusted Access rule asks for.",
    },
  ];
}

function bindingWarnings(cluster: LiveCluster, bindings: readonly AuditedBinding[]): string[] {
  const labelled = bindings.map((b) => ({
    label: `bindings["${b.name}"]`,
    name: b.name,
    roles: b.roles,
    sourceResourceId: b.sourceResourceId,
  }));
  const one = labelled.map((b) => checkBinding(b));
  const set = checkBindingSet(labelled, cluster.subscriptionId);
  return [...one, set].flatMap((f) => [...f.errors, ...f.warnings]);
}
