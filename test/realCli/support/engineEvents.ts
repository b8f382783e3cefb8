import * as fs from "fs";

/** The events of the Pulumi engine that the tests read, as `--event-log` writes them (apitype/events.go). */
export interface EngineEvent {
  readonly policyEvent?: PolicyEvent;
  readonly diagnosticEvent?: { readonly urn?: string; readonly message: string; readonly severity: string };
  readonly resourcePreEvent?: { readonly metadata: StepMetadata };
}

export interface PolicyEvent {
  readonly resourceUrn?: string;
  readonly message: string;
  readonly policyName: string;
  readonly policyPackName: string;
  /** "advisory", "mandatory", "remediate" or "disabled". */
  readonly enforcementLevel: string;
}

export interface StepMetadata {
  /** "create", "same", "update", "replace", "create-replacement", "delete-replaced", "delete", … */
  readonly op: string;
  readonly urn: string;
  readonly type: string;
  readonly diffs?: readonly string[];
  readonly keys?: readonly string[];
}

export function readEventLog(file: string): EngineEvent[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as EngineEvent);
}

export function policyEvents(events: readonly EngineEvent[]): PolicyEvent[] {
  return events.flatMap((e) => (e.policyEvent ? [e.policyEvent] : []));
}

/** The steps of a run in the order the engine announced them. */
export function steps(events: readonly EngineEvent[]): StepMetadata[] {
  return events.flatMap((e) => (e.resourcePreEvent ? [e.resourcePreEvent.metadata] : []));
}
