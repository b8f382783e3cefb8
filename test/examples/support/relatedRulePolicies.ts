/** The pack's policies for the four AKS rules the Trusted Access rule's page lists beside it. */
export const RELATED_RULE_POLICIES = [
  "aks-node-os-auto-upgrade",
  "aks-private-cluster",
  "aks-node-pool-fips",
  "aks-kms-private-key-vault",
] as const;
