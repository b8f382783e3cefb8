import { ResourceValidationPolicy } from "@pulumi/policy";
import { IDENTITY_POLICY, UNKNOWN, isSystemAssigned, show } from "../../domain";
import { MANAGED_IDENTITY_DOCS } from "../mechanics/docs";
import { field, isRecord, plainFields } from "../readers/plainProps";
import { clusterProvider } from "../readers/resourceTypes";
import { skipCheck } from "../mechanics/skipCheck";

const FIX =
  'set identity: { type: "SystemAssigned" } (the AksCluster component always does), since Trusted Access ' +
  "reaches the cluster through its system-assigned managed identity.";

export const systemAssignedIdentity: ResourceValidationPolicy = {
  name: IDENTITY_POLICY,
  description: "Every AKS cluster uses a system-assigned managed identity, which Trusted Access requires.",
  enforcementLevel: "mandatory",
  severity: "high",
  url: MANAGED_IDENTITY_DOCS,
  remediationSteps:
    'Set the cluster\'s identity to { type: "SystemAssigned" }, or declare it with the AksCluster component, ' +
    "which always does. An existing cluster can be switched with `az aks update --resource-group <group> " +
    "--name <cluster> --enable-managed-identity`.",
  validateResource: (args, reportViolation) => {
    if (clusterProvider(args.type) === undefined) return;
    const identity = field(plainFields(args.props, ["identity"]), "identity");
    const subject = `AKS cluster ${show(args.name)}`;
    if (identity === UNKNOWN) return skipCheck(args, "identity");
    if (identity === undefined || identity === null) {
      reportViolation(`${subject} declares no identity: ${FIX}`);
      return;
    }
    if (!isRecord(identity)) {
      reportViolation(`${subject} has identity ${show(identity)}: ${FIX}`);
      return;
    }
    const type = field(identity, "type");
    if (type === UNKNOWN) return skipCheck(args, "identity.type");
    if (isSystemAssigned(type)) return;
    reportViolation(`${subject} has identity.type ${show(type)}: ${FIX}`);
  },
};
