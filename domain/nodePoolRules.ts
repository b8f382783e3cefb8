/** AKS's rules for node pools (agent pools): names by OS type, node counts and taints. */

/** The operating systems AKS runs node pools on (`osType`). */
export type NodePoolOs = "Linux" | "Windows";

/** The name rule of a node pool, by OS type: Windows node names are built from a shorter pool name. */
export const NODE_POOL_NAME_RULES: Readonly<Record<NodePoolOs, string>> = {
  Linux: "1-12 lowercase letters or digits, starting with a letter",
  Windows: "1-6 lowercase letters or digits, starting with a letter",
};
const NODE_POOL_NAMES: Readonly<Record<NodePoolOs, RegExp>> = {
  Linux: /^[a-z][a-z0-9]{0,11}$/,
  Windows: /^[a-z][a-z0-9]{0,5}$/,
};

export function isValidNodePoolName(name: string, os: NodePoolOs): boolean {
  return NODE_POOL_NAMES[os].test(name);
}

/** AKS's limit of nodes in one Virtual Machine Scale Sets node pool. */
export const MAX_NODES_PER_POOL = 1000;

export function isValidNodeCount(count: unknown, min: number): boolean {
  return typeof count === "number" && Number.isInteger(count) && count >= min && count <= MAX_NODES_PER_POOL;
}

const TAINT_EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"] as const;
export const TAINT_FORM = '"key=value:Effect" with Effect NoSchedule, PreferNoSchedule or NoExecute';
// A Kubernetes label key (optional DNS-subdomain prefix and "/", then a name of up to 63 characters), "=", a value
// of up to 63 characters (may be empty), ":", an effect.
const NAME = "[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?";
const PREFIX = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/";
const TAINT = new RegExp(`^(${PREFIX})?${NAME}=(${NAME})?:(${TAINT_EFFECTS.join("|")})$`);

/** Whether `taint` is a node taint AKS accepts, `key=value:Effect`. */
export function isValidTaint(taint: string): boolean {
  return TAINT.test(taint);
}
