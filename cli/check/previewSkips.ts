import { parseSkipNote, previewSkipNote } from "../../domain";
import { Diagnostic } from "../packHost";

/** A check a policy skipped on values unknown in preview, as its pack reported it. */
export interface PreviewSkip {
  readonly policyPackName: string;
  readonly policyPackVersion: string;
  readonly policyName: string;
  readonly unknown: string;
  readonly urn?: string;
}

/**
 * Parts a pack's diagnostics into violations and skipped checks. A skip is the advisory diagnostic the policy SDK
 * makes when a policy reads a value unknown in preview (`can't run policy … during preview: …`): one skip per line
 * when it is the note of our `skipCheck` helper, else one skip of the resource (or stack) the diagnostic names.
 * Skips of one policy on one resource are counted once, their unknown values listed together.
 */
export function splitSkips(diagnostics: readonly Diagnostic[]): {
  violations: Diagnostic[];
  skips: PreviewSkip[];
} {
  const violations: Diagnostic[] = [];
  const skips = new Map<string, PreviewSkip>();
  for (const d of diagnostics) {
    const note = d.enforcementLevel === "advisory" ? previewSkipNote(d.message, d.policyName) : undefined;
    if (note === undefined) {
      violations.push(d);
      continue;
    }
    for (const { urn, unknown } of parseSkipNote(note) ?? [{ urn: d.urn, unknown: note }]) {
      const key = [d.policyPackName, d.policyPackVersion, d.policyName, urn ?? ""].join("\u0000");
      const earlier = skips.get(key);
      skips.set(key, {
        policyPackName: d.policyPackName,
        policyPackVersion: d.policyPackVersion,
        policyName: d.policyName,
        unknown: earlier === undefined ? unknown : `${earlier.unknown}, ${unknown}`,
        ...(urn === undefined ? {} : { urn }),
      });
    }
  }
  return { violations, skips: [...skips.values()] };
}
