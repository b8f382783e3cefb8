/** Pages the policies link to (the SDK's `url` metadata). */
export const TRUSTED_ACCESS_DOCS = "https://learn.microsoft.com/azure/aks/trusted-access-feature";
export const MANAGED_IDENTITY_DOCS = "https://learn.microsoft.com/azure/aks/use-managed-identity";
