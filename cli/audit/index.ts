import type { Command } from "commander";
import { registerRolesCommand } from "../roles/command";
import { registerAuditCommand } from "./command";

export { AuditOptions, AuditProgress, runAudit } from "./runAudit";
export { AuditReport } from "./report";
export { summarize } from "./summary";

/** Registers `audit` and `roles`: the commands that read live Azure subscriptions. */
export function registerAuditCommands(program: Command): void {
  registerAuditCommand(program);
  registerRolesCommand(program);
}
