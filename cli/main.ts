import { Command } from "commander";
import { registerAuditCommand } from "./audit/command";
import { registerCheckCommand } from "./check";
import { toolPackage } from "./check/toolPackage";
import { EXIT } from "./command/exitCodes";
import { registerRolesCommand } from "./roles/command";

export function buildProgram(): Command {
  const program = new Command("aks-trusted-access")
    .description("Keep AKS clusters compliant with 'Enable Trusted Access for AKS Clusters'.")
    .version(toolPackage().version)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text) });
  // Each command registers itself here.
  registerAuditCommand(program);
  registerRolesCommand(program);
  registerCheckCommand(program);
  return program;
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv]);
    return process.exitCode === undefined ? EXIT.ok : Number(process.exitCode);
  } catch (err) {
    const code = (err as { code?: string; exitCode?: number }).code;
    if (code === "commander.helpDisplayed" || code === "commander.version") return EXIT.ok;
    if (typeof code === "string" && code.startsWith("commander.")) return EXIT.error;
    throw err;
  }
}
