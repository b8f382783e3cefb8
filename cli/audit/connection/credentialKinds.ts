/**
 * How `--credential` signs in. Apart from the credential classes (credentials.ts), so that defining the flags does
 * not load `@azure/identity`.
 */
export const CredentialKind = {
  Default: "default",
  Cli: "cli",
  Environment: "environment",
  ManagedIdentity: "managed-identity",
  WorkloadIdentity: "workload-identity",
} as const;
export type CredentialKind = (typeof CredentialKind)[keyof typeof CredentialKind];

export const CREDENTIAL_KINDS = Object.values(CredentialKind);
