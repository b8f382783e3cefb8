import { isDeepStrictEqual } from "util";

export type DiffKind = "add" | "delete" | "update";

/** What changed between two input bags, as a provider's Diff reports it. */
export interface InputDiff {
  /** The top-level keys that changed. */
  readonly keys: string[];
  /** Each changed leaf, by property path (`roles[1]`, `identity.type`), with its kind. */
  readonly detailed: Record<string, DiffKind>;
}

/**
 * Compares old and new inputs leaf by leaf, as azure-native's Diff does; keys starting with `__` (the provider's
 * own bookkeeping) are not inputs. `equal` decides whether two leaves are the same (azure-native compares
 * `location` without case or spaces).
 */
export function diffInputs(
  olds: Readonly<Record<string, unknown>>,
  news: Readonly<Record<string, unknown>>,
  equal: (key: string, a: unknown, b: unknown) => boolean = (_, a, b) => isDeepStrictEqual(a, b),
): InputDiff {
  const detailed: Record<string, DiffKind> = {};
  const keys: string[] = [];
  for (const key of unionKeys(olds, news)) {
    if (key.startsWith("__")) continue;
    const before = Object.keys(detailed).length;
    if (!equal(key, olds[key], news[key])) diffValue(key, olds[key], news[key], detailed);
    if (Object.keys(detailed).length > before) keys.push(key);
  }
  return { keys, detailed };
}

function diffValue(path: string, a: unknown, b: unknown, out: Record<string, DiffKind>): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined) {
    out[path] = "add";
  } else if (b === undefined) {
    out[path] = "delete";
  } else if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) diffValue(`${path}[${i}]`, a[i], b[i], out);
  } else if (isObject(a) && isObject(b)) {
    for (const key of unionKeys(a, b)) diffValue(`${path}.${key}`, a[key], b[key], out);
  } else if (!isDeepStrictEqual(a, b)) {
    out[path] = "update";
  }
}

function unionKeys(a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
