import * as policySdk from "@pulumi/policy";
import { UNKNOWN, Unknown } from "../../domain";

/**
 * A resource's properties with the SDK's unknown-checking proxy taken off. A value computed only at deployment
 * (unknown during preview) becomes the domain's `UNKNOWN` marker; anything that is not JSON-like becomes undefined.
 */
export type Plain = null | boolean | number | string | Unknown | undefined | PlainList | PlainRecord;
export type PlainList = readonly Plain[];
export interface PlainRecord {
  readonly [key: string]: Plain;
}

// @pulumi/policy 1.21 exports this class at runtime, but its proxy.d.ts does not declare it: type it here.
const UnknownValueError: abstract new (...args: never[]) => Error = policySdk.UnknownValueError;

/**
 * Whether a string is one of the sentinels that stand for a value unknown during preview, as the SDK's own proxy
 * decides: a probe proxy of one property reads it. A sentinel found is remembered, so the proxy's UnknownValueError
 * (an Error with its stack trace) is built once per sentinel, not once per unknown value read.
 */
const probeTarget: { value: string } = { value: "" };
const probe: { value: string } = policySdk.unknownCheckingProxy(probeTarget);
const sentinelsFound = new Set<string>();

function isUnknownSentinel(text: string): boolean {
  if (sentinelsFound.has(text)) return true;
  probeTarget.value = text;
  try {
    void probe.value;
    return false;
  } catch (error) {
    if (!(error instanceof UnknownValueError)) throw error;
    sentinelsFound.add(text);
    return true;
  }
}

/**
 * An own property, read past the SDK's proxy: the proxy traps only `get`, so the property's descriptor holds the
 * engine's value itself, never wrapped and never throwing for an unknown, which {@link plain} then recognizes.
 * Should a later SDK trap descriptors too, its UnknownValueError still reads as UNKNOWN.
 */
function ownProperty(record: object, key: string): { readonly value?: unknown } | undefined {
  try {
    return Object.getOwnPropertyDescriptor(record, key);
  } catch (error) {
    if (error instanceof UnknownValueError) return { value: UNKNOWN };
    throw error;
  }
}

// Property bags come from protobuf Structs and are shallow; the bound only guards against pathological input.
const MAX_DEPTH = 64;

/**
 * Copies a (proxied) property bag into plain values, so that no later check can throw on an unknown.
 * `Object.keys`, `length` and property descriptors do not trigger the proxy's unknown check.
 */
export function plain(value: unknown, depth = 0): Plain {
  if (value === UNKNOWN || value === null) return value;
  if (typeof value === "string") return isUnknownSentinel(value) ? UNKNOWN : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value !== "object" || depth > MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    return Array.from({ length: value.length }, (_, i) =>
      plain(ownProperty(value, String(i))?.value, depth + 1),
    );
  }
  // fromEntries defines own properties, so a key such as "__proto__" stays an ordinary key.
  return Object.fromEntries(
    Object.keys(value).map((key) => [key, plain(ownProperty(value, key)?.value, depth + 1)]),
  );
}

/**
 * {@link plain} for the named properties only, read directly and under `__inputs` (where {@link stateField}
 * looks): the same as `plain(value)` with every other key left out. A policy reads a few properties of resources
 * whose bags hold node pools and network profiles; only those few are copied.
 */
export function plainFields(value: unknown, keys: readonly string[], depth = 0): Plain {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return plain(value);
  if (depth > MAX_DEPTH) return undefined;
  // A loop rather than fromEntries: this runs for every resource of a stack, and the keys are our own names.
  const copy: Record<string, Plain> = {};
  for (const key of keys) {
    const own = ownProperty(value, key);
    if (own !== undefined) copy[key] = plain(own.value, depth + 1);
  }
  const inputs = ownProperty(value, "__inputs");
  if (inputs !== undefined) copy.__inputs = plainFields(inputs.value, keys, depth + 1);
  return copy;
}

export function isRecord(value: Plain): value is PlainRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value at `path`, own properties only (never `constructor` or other inherited names); UNKNOWN propagates. */
export function field(value: Plain, ...path: string[]): Plain {
  let at = value;
  for (const key of path) {
    if (at === UNKNOWN) return UNKNOWN;
    if (!isRecord(at) || !Object.prototype.hasOwnProperty.call(at, key)) return undefined;
    at = at[key];
  }
  return at;
}

/**
 * A property of an azure-native resource wherever the engine put it: directly (a resource's inputs, or a preview
 * of a new resource) or under `__inputs` (the outputs of an existing resource, which omit input-only properties).
 */
export function stateField(props: Plain, key: string): Plain {
  const direct = field(props, key);
  return direct !== undefined ? direct : field(props, "__inputs", key);
}

/** A string that is known, unknown during preview, or not there (absent or of another type). */
export type TextReading = string | Unknown | undefined;

/**
 * Reads one fact from sources in order of trust: the first candidate that is a string, or UNKNOWN when an
 * unknown comes first (a later source must not overrule a value that is not known yet). Candidates of other
 * types are skipped; none left gives undefined.
 */
export function firstText(...candidates: Plain[]): TextReading {
  for (const candidate of candidates) {
    if (typeof candidate === "string" || candidate === UNKNOWN) return candidate;
  }
  return undefined;
}
