/** Name rules of the ARM resources this package creates. */

export const BINDING_NAME_RULE = "1-24 letters, digits or hyphens";
const BINDING_NAME = /^[A-Za-z0-9-]{1,24}$/;

export const CLUSTER_NAME_RULE =
  "1-63 letters, digits, hyphens or underscores, starting and ending with a letter or digit";
const CLUSTER_NAME = /^[a-zA-Z0-9]$|^[a-zA-Z0-9][-_a-zA-Z0-9]{0,61}[a-zA-Z0-9]$/;

export function isValidBindingName(name: string): boolean {
  return BINDING_NAME.test(name);
}

export function isValidClusterName(name: string): boolean {
  return CLUSTER_NAME.test(name);
}
