import type { TokenCredential } from "@azure/core-auth";
import {
  AzureCliCredential,
  DefaultAzureCredential,
  EnvironmentCredential,
  ManagedIdentityCredential,
  WorkloadIdentityCredential,
} from "@azure/identity";
import { CREDENTIAL_KINDS, CredentialKind } from "./credentialKinds";

interface CredentialChoice {
  /** The SDK class, for messages. */
  readonly className: string;
  readonly create: (authorityHost: string) => TokenCredential;
  /** What to do when it cannot sign in, one sentence. */
  readonly signIn: string;
}

const SERVICE_PRINCIPAL_VARIABLES =
  "AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH)";

const CHOICES: Readonly<Record<CredentialKind, CredentialChoice>> = {
  default: {
    className: "DefaultAzureCredential",
    create: (authorityHost) => new DefaultAzureCredential({ authorityHost }),
    signIn: `Run \`az login\`, or set ${SERVICE_PRINCIPAL_VARIABLES} for a service principal.`,
  },
  cli: {
    className: "AzureCliCredential",
    create: () => new AzureCliCredential(),
    signIn: "Run `az login` (after `az cloud set --name <cloud>` for a cloud other than AzureCloud).",
  },
  environment: {
    className: "EnvironmentCredential",
    create: (authorityHost) => new EnvironmentCredential({ authorityHost }),
    signIn: `Set ${SERVICE_PRINCIPAL_VARIABLES}.`,
  },
  "managed-identity": {
    className: "ManagedIdentityCredential",
    // AZURE_CLIENT_ID picks a user-assigned identity of the host, as DefaultAzureCredential does.
    create: () => {
      const clientId = process.env.AZURE_CLIENT_ID;
      return clientId ? new ManagedIdentityCredential({ clientId }) : new ManagedIdentityCredential();
    },
    signIn:
      "Run on an Azure host that has a managed identity (set AZURE_CLIENT_ID to pick a user-assigned one).",
  },
  "workload-identity": {
    className: "WorkloadIdentityCredential",
    create: (authorityHost) => new WorkloadIdentityCredential({ authorityHost }),
    signIn:
      "Set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_FEDERATED_TOKEN_FILE (AKS workload identity sets them in the pod).",
  },
};

export function createCredential(kind: CredentialKind, authorityHost: string): TokenCredential {
  return CHOICES[kind].create(authorityHost);
}

/** The message for a credential that gave no token: which credential, why, and how to sign in. */
export function signInFailure(kind: CredentialKind, reason: string): string {
  const choice = CHOICES[kind];
  return (
    `Could not sign in to Azure with ${choice.className} (--credential ${kind}): ${reason}\n` +
    `${choice.signIn} Or choose another --credential: ${CREDENTIAL_KINDS.join(", ")}.`
  );
}
