import { EngineEvent, policyEvents } from "./engineEvents";

/**
 * One run's verdict in a form two tools can be compared on: every violation as `policy | resource | level`, every
 * check a pack skipped for a value known only after deployment as `policy | resource`, and whether the run failed.
 * Resources are URNs with the stack's name taken out, so that `check`'s stack and a test's stack compare equal.
 */
export interface Verdict {
  readonly violations: string[];
  readonly skipped: string[];
  readonly failed: boolean;
}

/** The first line of the @pulumi/policy SDK's note for a policy it could not run in preview. */
const SKIP_NOTE = /^can't run policy '[^']+' from policy pack '[^']+' during preview/;
/** One skipped resource in our pack's note: `- <urn>: <what was unknown>`. */
const SKIPPED_LINE = /^- (urn:pulumi:\S+): /;

/** `urn:pulumi:<stack>::<project>::…` with the stack's name replaced, in the stack resource's name too. */
export function stackless(urn: string): string {
  const match = /^urn:pulumi:([^:]+)::([^:]+)::(.*)$/.exec(urn);
  if (!match) return urn;
  const [, stack, project, rest] = match;
  return `urn:pulumi:STACK::${project}::${rest.replace(`::${project}-${stack}`, `::${project}-STACK`)}`;
}

/** The verdict of `pulumi preview --policy-pack`, from its event log and exit code. */
export function previewVerdict(events: readonly EngineEvent[], code: number | null): Verdict {
  const violations: string[] = [];
  const skipped: string[] = [];
  for (const event of policyEvents(events)) {
    if (SKIP_NOTE.test(event.message)) {
      for (const line of event.message.split("\n")) {
        const urn = SKIPPED_LINE.exec(line.trim())?.[1];
        if (urn !== undefined) skipped.push(`${event.policyName} | ${stackless(urn)}`);
      }
    } else {
      violations.push(
        `${event.policyName} | ${stackless(event.resourceUrn ?? "")} | ${event.enforcementLevel}`,
      );
    }
  }
  return { violations: unique(violations), skipped: unique(skipped), failed: code !== 0 };
}

interface CheckReport {
  readonly diagnostics: readonly { policy: string; urn?: string; enforcementLevel: string }[];
  readonly skipped: readonly { policy: string; urn: string }[];
}

/** The verdict of `aks-trusted-access check --output json`, from its report and exit code. */
export function checkVerdict(reportJson: string, code: number | null): Verdict {
  const report = JSON.parse(reportJson) as CheckReport;
  return {
    violations: unique(
      report.diagnostics.map((d) => `${d.policy} | ${stackless(d.urn ?? "")} | ${d.enforcementLevel}`),
    ),
    skipped: unique(report.skipped.map((s) => `${s.policy} | ${stackless(s.urn)}`)),
    failed: code !== 0,
  };
}

/**
 * How `check`'s verdict may differ from a real first preview's, and nothing else: azure-native's preview reports every
 * response property a program did not set as unknown (its PreviewOutputs), so the pack skips the checks that read
 * one, where `check` takes an unset property as unset, as Azure will return it, and judges it. So `check` may report
 * a violation where the preview reports the same check as skipped; it must report every violation the preview
 * reports and skip nothing the preview judged. Whether the run fails must agree too: on every program tested so
 * far it does, and a program where it does not would be a difference to look at, not to excuse. Returns what
 * breaks that, one line each; empty when the two agree.
 */
export function disagreements(check: Verdict, preview: Verdict): string[] {
  const skippedByPreview = new Set(preview.skipped);
  const withoutLevel = (violation: string) => violation.split(" | ").slice(0, 2).join(" | ");
  return [
    ...preview.violations
      .filter((v) => !check.violations.includes(v))
      .map((v) => `the preview reports ${v}; check does not`),
    ...check.violations
      .filter((v) => !preview.violations.includes(v) && !skippedByPreview.has(withoutLevel(v)))
      .map((v) => `check reports ${v}; the preview neither reports nor skips it`),
    ...check.skipped
      .filter((s) => !skippedByPreview.has(s))
      .map((s) => `check skips ${s}; the preview does not`),
    ...(preview.failed !== check.failed
      ? [`the preview ${preview.failed ? "fails" : "passes"}; check ${check.failed ? "fails" : "passes"}`]
      : []),
  ];
}

function unique(keys: string[]): string[] {
  return [...new Set(keys)].sort();
}
