import { writeFileSync } from "node:fs";
import { AuditSetupError } from "./setupError";

/** Writes a report to `--out FILE`, or to stdout without it. */
export function writeReport(text: string, out: string | undefined): void {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(out, text);
  } catch (err) {
    throw new AuditSetupError(`Could not write --out ${JSON.stringify(out)}: ${(err as Error).message}`);
  }
}
