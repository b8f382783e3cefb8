export { AuditOptions, AuditProgress, runAudit } from "./runAudit";
export { AuditReport } from "./report";
export { summarize } from "./summary";
