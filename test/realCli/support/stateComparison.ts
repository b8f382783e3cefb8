import { StackDeployment } from "./pulumiSandbox";

/** What differs between two deployments of the same resources for reasons other than the resources themselves. */
const INCIDENTAL = new Set(["created", "modified", "sourcePosition", "stackTrace"]);

/**
 * A stack's checkpoint in a form two stacks of different projects and languages can be compared by: each resource
 * by its URN, with the stack and project names in URNs (and in the stack resource's name) replaced by `STACK` and
 * `PROJECT`, a provider reference's id by `PROVIDER-ID`, and what only says when and from which source line a
 * resource was registered (`created`, `modified`, `sourcePosition`, `stackTrace`) left out. Everything else is kept:
 * type, id, parent, provider, inputs, outputs, dependencies and every resource option the checkpoint records.
 */
export function comparableState(
  deployment: StackDeployment,
  names: { project: string; stack: string },
): Map<string, Record<string, unknown>> {
  const resources = deployment.resources ?? [];
  const providerIds = resources
    .filter((r) => r.type.startsWith("pulumi:providers:") && r.id !== undefined)
    .map((r) => r.id!);
  let text = JSON.stringify(
    resources.map((r) => Object.fromEntries(Object.entries(r).filter(([key]) => !INCIDENTAL.has(key)))),
  );
  text = text
    .split(`urn:pulumi:${names.stack}::${names.project}::`)
    .join("urn:pulumi:STACK::PROJECT::")
    .split(`::${names.project}-${names.stack}`)
    .join("::PROJECT-STACK");
  for (const id of providerIds) text = text.split(id).join("PROVIDER-ID");
  const normalised = JSON.parse(text) as Record<string, unknown>[];
  return new Map(normalised.map((r) => [r.urn as string, r]));
}
