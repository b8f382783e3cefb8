import { ResourceValidationPolicy } from "@pulumi/policy";
import {
  BINDING_NAME_RULE,
  CLUSTER_NAME_RULE,
  ROLE_EXAMPLE,
  UNKNOWN,
  checkBinding,
  isValidClusterName,
  parseClusterId,
  show,
} from "../../domain";
import { BINDING_FIELDS, BindingProps, readBindingProps } from "../readers/bindingProps";
import { TRUSTED_ACCESS_DOCS } from "../mechanics/docs";
import { Plain, plainFields, stateField } from "../readers/plainProps";
import { AzureProvider, bindingProvider } from "../readers/resourceTypes";
import { skipCheck } from "../mechanics/skipCheck";

const CLUSTER_ID_FORM =
  '"/subscriptions/<subscription-id>/resourceGroups/<group>/providers/Microsoft.ContainerService/managedClusters/<cluster>"';

export const bindingValid: ResourceValidationPolicy = {
  name: "aks-trusted-access-binding-valid",
  description:
    "Every Trusted Access role binding has a valid name, well-formed roles of one source type and a source resource of that type.",
  enforcementLevel: "mandatory",
  severity: "high",
  url: TRUSTED_ACCESS_DOCS,
  remediationSteps:
    `Give the binding a name of ${BINDING_NAME_RULE}; list each role once as ` +
    `"<Namespace>/<resourceType>/<roleName>" (e.g. "${ROLE_EXAMPLE}"), all for one source resource type; ` +
    "point sourceResourceId at a resource of that type (`az aks trustedaccess role list --location <region>` " +
    "shows the roles and their source types). The AksCluster and TrustedAccessBindings components check all " +
    "of this before deploying.",
  validateResource: (args, reportViolation) => {
    const provider = bindingProvider(args.type);
    if (provider === undefined) return;
    const props = plainFields(args.props, BINDING_FIELDS);
    const binding = readBindingProps(provider, props);
    // azure-native names a binding without trustedAccessRoleBindingName itself: that name is not ours to judge.
    const name = binding.name === undefined && provider === "azure-native" ? UNKNOWN : binding.name;
    const { errors } = checkBinding({ label: "", ...binding, name });
    for (const error of [...errors, ...clusterReferenceErrors(provider, props)]) {
      reportViolation(`Trusted Access role binding ${show(args.name)}: ${error}`);
    }
    const unknown = unknownFields(provider, binding, props);
    if (unknown.length > 0) skipCheck(args, unknown.join(", "));
  },
};

/** The fields whose checks wait for values known only after deployment (an absent azure-native name is not one). */
function unknownFields(provider: AzureProvider, binding: BindingProps, props: Plain): string[] {
  const fields: string[] = [];
  if (binding.name === UNKNOWN) fields.push(binding.nameField);
  if (binding.roles === UNKNOWN) fields.push("roles");
  if (Array.isArray(binding.roles)) {
    binding.roles.forEach((role, i) => {
      if (role === UNKNOWN) fields.push(`roles[${i}]`);
    });
  }
  if (binding.sourceResourceId === UNKNOWN) fields.push("sourceResourceId");
  const clusterField = provider === "azure-native" ? "resourceName" : "kubernetesClusterId";
  if (stateField(props, clusterField) === UNKNOWN) fields.push(clusterField);
  return fields;
}

/** The binding's reference to its cluster: an AKS cluster name (azure-native) or an AKS cluster id (classic). */
function clusterReferenceErrors(provider: AzureProvider, props: Plain): string[] {
  if (provider === "azure-native") {
    const clusterName = stateField(props, "resourceName");
    const valid =
      clusterName === UNKNOWN || (typeof clusterName === "string" && isValidClusterName(clusterName));
    return valid
      ? []
      : [`resourceName ${show(clusterName)} is not a valid AKS cluster name: use ${CLUSTER_NAME_RULE}.`];
  }
  const clusterId = stateField(props, "kubernetesClusterId");
  const valid =
    clusterId === UNKNOWN || (typeof clusterId === "string" && parseClusterId(clusterId) !== undefined);
  return valid
    ? []
    : [`kubernetesClusterId ${show(clusterId)} is not an AKS cluster id: expected ${CLUSTER_ID_FORM}.`];
}
