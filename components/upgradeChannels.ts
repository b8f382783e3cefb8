/** How AKS upgrades the cluster's Kubernetes version on its own (`autoUpgradeProfile.upgradeChannel`). */
export const KubernetesUpgradeChannel = {
  /** The latest supported patch of the latest supported minor version. */
  Rapid: "rapid",
  /** The latest supported patch of minor version N-1, N being the latest supported minor version. */
  Stable: "stable",
  /** The latest supported patch of the cluster's current minor version. */
  Patch: "patch",
  /** Node images only; prefer `nodeOsUpgradeChannel` for that. */
  NodeImage: "node-image",
  /** No automatic upgrades: you upgrade Kubernetes yourself. */
  None: "none",
} as const;
export type KubernetesUpgradeChannel =
  (typeof KubernetesUpgradeChannel)[keyof typeof KubernetesUpgradeChannel];

/** How AKS updates the nodes' operating system (`autoUpgradeProfile.nodeOSUpgradeChannel`). */
export const NodeOsUpgradeChannel = {
  /** A fresh node image each week, with the OS security patches. */
  NodeImage: "NodeImage",
  /** OS security patches only, applied on the running nodes. */
  SecurityPatch: "SecurityPatch",
  /** The OS's own unattended upgrades; AKS does not manage them. */
  Unmanaged: "Unmanaged",
  /** No OS updates at all. */
  None: "None",
} as const;
export type NodeOsUpgradeChannel = (typeof NodeOsUpgradeChannel)[keyof typeof NodeOsUpgradeChannel];
