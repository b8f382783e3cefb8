/**
 * The note in which a policy says which of its checks it skipped because a value is known only after deployment.
 * The policy SDK files it as an advisory diagnostic, `can't run policy '<name>' from policy pack '<pack>@v<version>'
 * during preview: <note>` — as it does for any policy that reads an unknown value — so the Pulumi CLI shows it as
 * a warning, and `aks-trusted-access check` counts each line of it as one skipped check of one resource.
 */

/** One check a policy skipped on one resource. */
export interface SkippedCheck {
  /** The resource whose check was skipped. */
  readonly urn: string;
  /** What the check needed and could not read, e.g. `sourceResourceId`. */
  readonly unknown: string;
}

const HEADER = "values known only after deployment, so these checks were skipped:";
const LINE = /^- (urn:pulumi:\S+?): (.+)$/;

/** The note for a policy's skips, one line per resource. */
export function formatSkipNote(skips: readonly SkippedCheck[]): string {
  return [HEADER, ...skips.map((s) => `- ${s.urn}: ${s.unknown}`)].join("\n");
}

/** The skips of a note {@link formatSkipNote} wrote; undefined for any other text. */
export function parseSkipNote(note: string): SkippedCheck[] | undefined {
  const [header, ...lines] = note.split("\n");
  if (header !== HEADER) return undefined;
  const skips: SkippedCheck[] = [];
  for (const line of lines) {
    const match = LINE.exec(line);
    if (match === null) return undefined;
    skips.push({ urn: match[1], unknown: match[2] });
  }
  return skips;
}

/**
 * The note of a diagnostic the policy SDK made of an unknown value (see above), or undefined when the message is a
 * policy's own violation.
 */
export function previewSkipNote(message: string, policyName: string): string | undefined {
  const prefix = `can't run policy '${policyName}' from policy pack '`;
  if (!message.startsWith(prefix)) return undefined;
  const at = message.indexOf("' during preview: ", prefix.length);
  return at < 0 ? undefined : message.slice(at + "' during preview: ".length);
}
