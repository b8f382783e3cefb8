import * as path from "path";
import { show } from "../../domain";
import { UsageError } from "./usageError";
import { prepareOut, writeReport } from "./writeReport";

/** One `--report FORMAT=FILE`: a report written beside the command's `--output`, in the same run. */
export interface ReportRequest {
  readonly format: string;
  readonly file: string;
}

/** Commander's collector for the repeatable `--report FORMAT=FILE`. */
export const collectReports = (value: string, previous: readonly string[] = []): string[] => [
  ...previous,
  value,
];

/** The help text of `--report`, naming the command's formats. */
export function reportOptionHelp(formats: readonly string[]): string {
  return `also write the report in FORMAT (${formats.join(", ")}) to FILE; repeatable, one run for all`;
}

/**
 * Reads each `--report FORMAT=FILE`; a value that is not FORMAT=FILE, names a format the command does not have, or
 * names a file another report (or `--out`) already writes is refused with a UsageError naming the flag, the value
 * and the formats allowed.
 */
export function parseReportFlags(
  values: readonly string[] | undefined,
  formats: readonly string[],
  out?: string,
): ReportRequest[] {
  const allowed = formats.join(", ");
  const taken = new Map<string, string>(out === undefined ? [] : [[path.resolve(out), `--out ${show(out)}`]]);
  return (values ?? []).map((value) => {
    const at = value.indexOf("=");
    const format = at < 0 ? "" : value.slice(0, at);
    const file = at < 0 ? "" : value.slice(at + 1);
    if (format === "" || file === "") {
      throw new UsageError(
        `--report ${show(value)} is not FORMAT=FILE: give e.g. --report junit=results.xml, with FORMAT one of ${allowed}.`,
      );
    }
    if (!formats.includes(format)) {
      throw new UsageError(
        `--report ${show(value)} names the format ${show(format)}, which this command does not write: give one ` +
          `of ${allowed}.`,
      );
    }
    const other = taken.get(path.resolve(file));
    if (other !== undefined) {
      throw new UsageError(
        `--report ${show(value)} writes the file ${show(file)}, as ${other} does: give each report a file of its own.`,
      );
    }
    taken.set(path.resolve(file), `--report ${show(value)}`);
    return { format, file };
  });
}

/** Creates the folders of every `--report` file before the command's work, as `--out`'s. */
export function prepareReports(requests: readonly ReportRequest[]): void {
  for (const r of requests) prepareOut(r.file, { flag: "--report", prefix: `${r.format}=` });
}

/** Writes every `--report` file, each rendered by `render`. */
export function writeReports(requests: readonly ReportRequest[], render: (format: string) => string): void {
  for (const r of requests)
    writeReport(render(r.format), r.file, { flag: "--report", prefix: `${r.format}=` });
}
