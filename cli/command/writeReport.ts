import * as fs from "fs";
import * as path from "path";
import { show } from "../../policypack/domain";
import { CommandError, messageOf } from "./commandError";

/**
 * Creates the folder of `--out FILE`, so that a path that cannot hold the report stops the command before its
 * work (an audit of many subscriptions takes minutes), naming the path and what to do.
 */
export function prepareOut(out: string | undefined): void {
  if (out === undefined) return;
  const folder = path.dirname(path.resolve(out));
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === "EEXIST" || code === "ENOTDIR"
        ? `a file stands where its folder ${show(folder)} would be: choose another path for --out`
        : `cannot create its folder ${show(folder)}: ${messageOf(err)}`;
    throw new CommandError(`cannot write --out ${show(out)}: ${reason}`);
  }
}

/** Writes a report to `--out FILE` (creating its folder), or to stdout without `--out`. */
export function writeReport(text: string, out: string | undefined): void {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  prepareOut(out);
  try {
    fs.writeFileSync(out, text);
  } catch (err) {
    throw new CommandError(`cannot write --out ${show(out)}: ${messageOf(err)}`);
  }
}
