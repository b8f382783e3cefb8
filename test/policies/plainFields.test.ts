import * as assert from "assert";
import * as fc from "fast-check";
import * as policySdk from "@pulumi/policy";
import { Plain, PlainRecord, isRecord, plain, plainFields } from "../../policypack/policies/plainProps";
import { UNKNOWN_SENTINELS, overTheWire } from "./fixtures/wire";

// The SDK's real proxy, the one its gRPC server wraps props in. Its proxy.d.ts does not declare it.
const unknownCheckingProxy: (props: Record<string, unknown>) => Record<string, unknown> =
  policySdk.unknownCheckingProxy;

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
