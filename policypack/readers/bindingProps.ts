import { Plain, field, stateField } from "./plainProps";
import { AzureProvider } from "./resourceTypes";

/** What a binding resource says about itself, whichever provider declared it. Values may be of any type. */
export interface BindingProps {
  /** The property that holds the binding's Azure name, for messages. */
  readonly nameField: "trustedAccessRoleBindingName" | "name";
  /** undefined when absent. */
  readonly name: Plain;
  readonly roles: Plain;
  readonly sourceResourceId: Plain;
}

/** Every property a policy reads of a binding resource: policies copy just these out of its bag. */
export const BINDING_FIELDS: readonly string[] = [
  "id",
  "name",
  "kubernetesClusterId",
  "resourceGroupName",
  "resourceName",
  "trustedAccessRoleBindingName",
  "roles",
  "sourceResourceId",
];

/**
 * Reads a binding's name, roles and source from its inputs, or from its outputs where an azure-native binding
 * that exists keeps the Azure name as `name` and its inputs under `__inputs`.
 */
export function readBindingProps(provider: AzureProvider, props: Plain): BindingProps {
  const common: Pick<BindingProps, "roles" | "sourceResourceId"> = {
    roles: stateField(props, "roles"),
    sourceResourceId: stateField(props, "sourceResourceId"),
  };
  if (provider === "azure") return { ...common, nameField: "name", name: field(props, "name") };
  const inputName = stateField(props, "trustedAccessRoleBindingName");
  return {
    ...common,
    nameField: "trustedAccessRoleBindingName",
    name: inputName !== undefined ? inputName : field(props, "name"),
  };
}
