import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { CheckReport } from "../../../cli/output/checkReport";
import { CliRun, FIXTURES, runCli } from "./runCli";

/** One run of `check` on a fixture with `--output json --out <file>`: the text on stdout and the JSON report. */
export async function checkFixture(
  fixture: string,
  extra: readonly string[] = [],
): Promise<{ run: CliRun; report: CheckReport | undefined }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-check-"));
  const out = path.join(dir, "report.json");
  try {
    const run = await runCli(["check", `${FIXTURES}/${fixture}`, "--output", "json", "--out", out, ...extra]);
    const report = fs.existsSync(out) ? (JSON.parse(fs.readFileSync(out, "utf8")) as CheckReport) : undefined;
    return { run, report };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The parts of a diagnostic a test pins down. */
export function violations(
  report: CheckReport | undefined,
  policies?: readonly string[],
): { policy: string; level: string; resource: string; message: string }[] {
  const kept = (report?.diagnostics ?? []).filter(
    (d) => policies === undefined || policies.includes(d.policy),
  );
  return kept.map((d) => ({
    policy: d.policy,
    level: d.enforcementLevel,
    resource: d.resourceName ?? "(stack)",
    message: d.message,
  }));
}

export const STACK = (project: string, stack = "check"): string =>
  `urn:pulumi:${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`;

export const URN = (project: string, type: string, name: string, stack = "check"): string =>
  `urn:pulumi:${stack}::${project}::${type}::${name}`;
