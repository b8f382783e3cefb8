import * as assert from "assert";
import * as fc from "fast-check";
import * as policySdk from "@pulumi/policy";
import { UNKNOWN } from "../../domain";
import { Plain, PlainRecord, isRecord, plain, plainFields } from "../../policypack/readers/plainProps";
import { UNKNOWN_SENTINELS, overTheWire } from "./support/wire";

// The SDK's real proxy and error, the ones its gRPC server wraps props in and throws. Its proxy.d.ts does not
// declare them.
const unknownCheckingProxy: (props: Record<string, unknown>) => Record<string, unknown> =
  policySdk.unknownCheckingProxy;
const UnknownValueError: abstract new (...args: never[]) => Error = policySdk.UnknownValueError;

/** What a policy sees reading every value through the proxy, as the SDK intends: an unknown throws. */
function readThroughProxy(value: unknown): Plain {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return value as Plain;
  const record = value as Record<string, unknown>;
  const read = (key: string): Plain => {
    try {
      return readThroughProxy(record[key]);
    } catch (error) {
      if (error instanceof UnknownValueError) return UNKNOWN;
      throw error;
    }
  };
  if (Array.isArray(value)) return Array.from({ length: value.length }, (_, i) => read(String(i)));
  return Object.fromEntries(Object.keys(record).map((key) => [key, read(key)]));
}

const KEYS = ["id", "name", "resourceName", "tags"];

/** `plain(value)` with only KEYS kept, at the top and under `__inputs`: what plainFields promises. */
function picked(value: Plain): Plain {
  if (!isRecord(value)) return value;
  const kept: [string, Plain][] = Object.entries(value)
    .filter(([key]) => KEYS.includes(key) || key === "__inputs")
    .map(([key, v]) => [key, key === "__inputs" ? picked(v) : v]);
  return Object.fromEntries(kept) as PlainRecord;
}

const leaf = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(...UNKNOWN_SENTINELS),
);
const value = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: "small" },
    leaf,
    fc.array(tie("v"), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS, "other", "__inputs"), tie("v"), { maxKeys: 4 }),
  ),
})).v;
const bag = fc.dictionary(fc.constantFrom(...KEYS, "agentPoolProfiles", "__inputs"), value, { maxKeys: 6 });

describe("plain", () => {
  it("copies a proxied bag as reading every value through the proxy does, unknowns becoming UNKNOWN", () => {
    fc.assert(
      fc.property(bag, (props) => {
        const proxied = unknownCheckingProxy(overTheWire(props));
        assert.deepStrictEqual(plain(proxied), readThroughProxy(proxied));
      }),
      { numRuns: 1000 },
    );
  });

  it("tells each unknown sentinel from a string that only looks like one, however often it is read", () => {
    for (const sentinel of UNKNOWN_SENTINELS) {
      const lookalike = `${sentinel.slice(0, -1)}${sentinel.endsWith("0") ? "1" : "0"}`;
      const props = { a: sentinel, b: lookalike, c: [sentinel, lookalike] };
      for (let round = 0; round < 2; round++) {
        assert.deepStrictEqual(plain(unknownCheckingProxy(props)), {
          a: UNKNOWN,
          b: lookalike,
          c: [UNKNOWN, lookalike],
        });
      }
    }
  });

  it("uses sentinels that the SDK's own proxy refuses to read", () => {
    for (const sentinel of UNKNOWN_SENTINELS) {
      assert.throws(() => unknownCheckingProxy({ v: sentinel }).v, UnknownValueError);
    }
  });

  it("stops at a depth no property bag reaches instead of overflowing the stack", () => {
    let deep: Record<string, unknown> = { name: "aks" };
    for (let i = 0; i < 10_000; i++) deep = { __inputs: deep, name: [i] };
    const proxied = unknownCheckingProxy(deep);
    assert.doesNotThrow(() => plain(proxied));
    assert.doesNotThrow(() => plainFields(proxied, ["name"]));
  });
});

describe("plainFields", () => {
  it("reads the named properties, also under __inputs, exactly as plain does, and nothing else", () => {
    fc.assert(
      fc.property(bag, (props) => {
        const proxied = (): Record<string, unknown> => unknownCheckingProxy(overTheWire(props));
        assert.deepStrictEqual(plainFields(proxied(), KEYS), picked(plain(proxied())));
      }),
      { numRuns: 1000 },
    );
  });
});
