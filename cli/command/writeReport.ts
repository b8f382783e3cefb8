import * as fs from "fs";
import * as path from "path";
import { show } from "../../domain";
import { CommandError, messageOf } from "./commandError";

/** The flag that named a report file, for messages: `--out`, or `--report` with the format before the file. */
export interface ReportTarget {
  readonly flag: "--out" | "--report";
  /** `junit=` for `--report junit=FILE`; empty for `--out`. */
  readonly prefix?: string;
}

const OUT: ReportTarget = { flag: "--out" };

const named = (file: string, target: ReportTarget): string =>
  `${target.flag} ${target.prefix ?? ""}${show(file)}`;

/**
 * Creates the folder of a report file (`--out FILE`, `--report FORMAT=FILE`), so that a path that cannot hold the
 * report stops the command before its work (an audit of many subscriptions takes minutes), naming the path and
 * what to do.
 */
export function prepareOut(out: string | undefined, target: ReportTarget = OUT): void {
  if (out === undefined) return;
  const folder = path.dirname(path.resolve(out));
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason =
      code === "EEXIST" || code === "ENOTDIR"
        ? `a file stands where its folder ${show(folder)} would be: choose another path for ${target.flag}`
        : `cannot create its folder ${show(folder)}: ${messageOf(err)}`;
    throw new CommandError(`cannot write ${named(out, target)}: ${reason}`);
  }
}

/** Writes a report to its file (creating its folder), or to stdout without one. */
export function writeReport(text: string, out: string | undefined, target: ReportTarget = OUT): void {
  if (out === undefined) {
    process.stdout.write(text);
    return;
  }
  prepareOut(out, target);
  try {
    fs.writeFileSync(out, text);
  } catch (err) {
    throw new CommandError(`cannot write ${named(out, target)}: ${messageOf(err)}`);
  }
}
