import { Command, Option } from "commander";
import { show } from "../../../domain";
import { UsageError } from "../../command/usageError";
import { Cloud } from "./clouds";
import type { ConnectionOptions } from "./connection";
import { CREDENTIAL_KINDS, CredentialKind } from "./credentialKinds";

/** The connection flags as commander parses them. */
export interface ConnectionFlags {
  readonly cloud: string;
  readonly armEndpoint?: string;
  readonly audience?: string;
  readonly credential: string;
}

/** Adds `--cloud`, `--arm-endpoint`, `--audience` and `--credential`, shared by `audit` and `roles`. */
export function addConnectionFlags(command: Command): Command {
  return command
    .addOption(
      new Option("--cloud <name>", "the Azure cloud").choices(Object.values(Cloud)).default(Cloud.AzureCloud),
    )
    .option("--arm-endpoint <url>", "Resource Manager endpoint for Azure Stack or a private endpoint (https)")
    .option("--audience <url>", "token audience, when it differs from the cloud's (Azure Stack Hub)")
    .addOption(
      new Option("--credential <kind>", "how to sign in (the @azure/identity credential to use)")
        .choices(CREDENTIAL_KINDS)
        .default(CredentialKind.Default),
    );
}

function httpsUrl(flag: string, value: string | undefined, example: string): string | undefined {
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || url.protocol !== "https:" || url.search !== "" || url.hash !== "") {
    throw new UsageError(
      `${flag} ${show(value)} is not an https URL: give one such as ${example} (tokens are only sent over HTTPS).`,
    );
  }
  return value;
}

/** Checks the connection flags; commander has already checked the choices of `--cloud` and `--credential`. */
export function parseConnectionFlags(flags: ConnectionFlags): ConnectionOptions {
  return {
    cloud: flags.cloud as Cloud,
    armEndpoint: httpsUrl("--arm-endpoint", flags.armEndpoint, "https://management.azure.com"),
    audience: httpsUrl("--audience", flags.audience, "https://management.azure.com"),
    credential: flags.credential as CredentialKind,
  };
}
