import * as policySdk from "@pulumi/policy";
import { UNKNOWN, Unknown } from "../domain";

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

/** Reads one value; the proxy throws UnknownValueError on a value that is unknown during preview. */
function readOrUnknown(read: () => unknown): unknown {
  try {
    return read();
  } catch (error) {
    if (error instanceof UnknownValueError) return UNKNOWN;
    throw error;
  }
}

// Property bags come from protobuf Structs and are shallow; the bound only guards against pathological input.
const MAX_DEPTH = 64;

/**
 * Copies a (proxied) property bag into plain values, so that no later check can throw on an unknown.
 * `Object.keys` and `length` do not trigger the proxy's unknown check; only reading an unknown value does.
 */
export function plain(value: unknown, depth = 0): Plain {
  if (value === UNKNOWN || value === null) return value;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value !== "object" || depth > MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    const list: readonly unknown[] = value;
    return Array.from({ length: list.length }, (_, i) =>
      plain(
        readOrUnknown(() => list[i]),
        depth + 1,
      ),
    );
  }
  const record = value as Record<string, unknown>;
  // fromEntries defines own properties, so a key such as "__proto__" stays an ordinary key.
  return Object.fromEntries(
    Object.keys(record).map((key) => [
      key,
      plain(
        readOrUnknown(() => record[key]),
        depth + 1,
      ),
    ]),
  );
}

/**
 * {@link plain} for the named properties only, read directly and under `__inputs` (where {@link stateField}
 * looks): the same as `plain(value)` with every other key left out. A stack policy reads a few properties of
 * thousands of resources, and copying whole bags (node pools, network profiles) through the proxy took most of its
 * time.
 */
export function plainFields(value: unknown, keys: readonly string[]): Plain {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return plain(value);
  const record = value as Record<string, unknown>;
  const wanted = new Set(keys);
  return Object.fromEntries(
    Object.keys(record)
      .filter((key) => wanted.has(key) || key === "__inputs")
      .map((key) => {
        const read = readOrUnknown(() => record[key]);
        return [key, key === "__inputs" ? plainFields(read, keys) : plain(read, 1)];
      }),
  );
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
