import { Command, Option } from "commander";
import { show } from "../../domain";
import { EXIT } from "../command/exitCodes";
import { runCommand } from "../command/runCommand";
import {
  ConnectionFlags,
  addConnectionFlags,
  parseConnectionFlags,
} from "../audit/connection/connectionFlags";
import { UsageError } from "../command/usageError";
import { RolesFormat, formatRolesJson, formatRolesTable } from "./formatRoles";
import { describeAzureError } from "../audit/azureError";
import { catalogReport } from "./roleEntries";

interface RolesFlags extends ConnectionFlags {
  readonly location?: string;
  readonly subscription?: string;
  readonly offline?: boolean;
  readonly output: string;
}

const REGION = /^[A-Za-z0-9]+$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function registerRolesCommand(program: Command): void {
  const roles = program
    .command("roles")
    .description(
      "List the Trusted Access roles Azure offers in a region, or the built-in catalog with --offline.",
    )
    .option("--location <region>", "Azure region to ask about, e.g. westeurope")
    .option("--subscription <id>", "subscription to ask with (default: the first the credential can see)")
    .option("--offline", "print the built-in role catalog; no Azure call")
    .addOption(
      new Option("--output <format>", "output format").choices(Object.values(RolesFormat)).default("table"),
    );
  addConnectionFlags(roles).action((flags: RolesFlags, command: Command) =>
    runCommand(
      command,
      async () => {
        const format = flags.output === RolesFormat.Json ? formatRolesJson : formatRolesTable;
        if (flags.offline === true) {
          process.stdout.write(format(catalogReport()));
          return EXIT.ok;
        }
        if (flags.location === undefined) {
          throw new UsageError(
            "Give --location <region> (e.g. westeurope) to ask Azure, or --offline for the built-in catalog.",
          );
        }
        if (!REGION.test(flags.location)) {
          throw new UsageError(
            `--location ${show(flags.location)} is not an Azure region name: give one such as westeurope ` +
              "(`az account list-locations -o table` lists them).",
          );
        }
        if (flags.subscription !== undefined && !GUID.test(flags.subscription)) {
          throw new UsageError(
            `--subscription ${show(flags.subscription)} is not a subscription id: give a GUID such as ` +
              "00000000-0000-0000-0000-000000000000.",
          );
        }
        // The Azure SDK loads only when Azure is asked.
        const { listRoles } = await import("./listRoles");
        const report = await listRoles({
          ...parseConnectionFlags(flags),
          location: flags.location.toLowerCase(),
          ...(flags.subscription === undefined ? {} : { subscriptionId: flags.subscription }),
        });
        process.stdout.write(format(report));
        return EXIT.ok;
      },
      describeAzureError,
    ),
  );
}
