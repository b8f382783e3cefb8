/** Typed arguments for the component tests: a compliant baseline that each test changes in one place. */
import type {
  AksClusterArgs,
  TrustedAccessBindingArgs,
  TrustedAccessBindingsArgs,
} from "../../../components";
import { TrustedAccessRole } from "../../../domain";
import { CLUSTER_SUBSCRIPTION } from "./harness";

export const OTHER_SUBSCRIPTION = "00000000-0000-0000-0000-000000000002";

export const WORKSPACE_ID =
  `/subscriptions/${CLUSTER_SUBSCRIPTION}/resourceGroups/ml` +
  "/providers/Microsoft.MachineLearningServices/workspaces/ws";
export const OTHER_WORKSPACE_ID =
  `/subscriptions/${CLUSTER_SUBSCRIPTION}/resourceGroups/ml` +
  "/providers/Microsoft.MachineLearningServices/workspaces/ws2";
export const BACKUP_VAULT_ID =
  `/subscriptions/${CLUSTER_SUBSCRIPTION}/resourceGroups/backup` +
  "/providers/Microsoft.DataProtection/backupVaults/vault";
/** Defender CSPM binds a child of a subscription-scoped pricing. */
export const DEFENDER_OPERATOR_ID =
  `/subscriptions/${CLUSTER_SUBSCRIPTION}/providers/Microsoft.Security/pricings/CloudPosture` +
  "/securityOperators/DefenderCSPMSecurityOperator";

export const ML_ROLES = [
  TrustedAccessRole.MachineLearningWorkload,
  TrustedAccessRole.MachineLearningInference,
];

export function mlBinding(change: Partial<TrustedAccessBindingArgs> = {}): TrustedAccessBindingArgs {
  return { sourceResourceId: WORKSPACE_ID, roles: [...ML_ROLES], ...change };
}

export function backupBinding(change: Partial<TrustedAccessBindingArgs> = {}): TrustedAccessBindingArgs {
  return { sourceResourceId: BACKUP_VAULT_ID, roles: [TrustedAccessRole.BackupOperator], ...change };
}

/** Two bindings, keys `ml` and `backup`. */
export function twoBindings(): Record<string, TrustedAccessBindingArgs> {
  return { ml: mlBinding(), backup: backupBinding() };
}

export function clusterArgs(change: Partial<AksClusterArgs> = {}): AksClusterArgs {
  return { resourceGroupName: "rg", trustedAccess: twoBindings(), ...change };
}

export function bindingsArgs(change: Partial<TrustedAccessBindingsArgs> = {}): TrustedAccessBindingsArgs {
  return { resourceGroupName: "rg", clusterName: "existing-aks", bindings: twoBindings(), ...change };
}

/** `n` valid bindings to distinct workspaces, keys `ws0`, `ws1`, … */
export function workspaceBindings(n: number): Record<string, TrustedAccessBindingArgs> {
  return Object.fromEntries(
    Array.from({ length: n }, (_, i) => [`ws${i}`, mlBinding({ sourceResourceId: `${WORKSPACE_ID}${i}` })]),
  );
}
