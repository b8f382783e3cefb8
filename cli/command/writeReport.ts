import * as fs from "fs";
import * as path from "path";
import { show } from "../../policypack/domain";
import { CommandError, messageOf } from "./commandError";

/**
 * Writes a report to `--out FILE`, creating its folder, or to stdout without `--out`. A file that cannot be
 * written stops the command, naming the file and the reason.
 */
export function writeReport(text: string, out: string | undefined): void {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  const folder = path.dirname(path.resolve(out));
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (err) {
    throw new CommandError(
      `cannot write --out ${show(out)}: cannot create its folder ${show(folder)}: ${messageOf(err)}`,
    );
  }
  try {
    fs.writeFileSync(out, text);
  } catch (err) {
    throw new CommandError(`cannot write --out ${show(out)}: ${messageOf(err)}`);
  }
}
