import * as assert from "assert";
import * as path from "path";
import { loadProgramSdk } from "../../cli/check/program/programSdk";
import { FIXTURES, REPO } from "./support/runCli";

describe("check: the program's runtime state", () => {
  const sdk = loadProgramSdk(path.join(REPO, FIXTURES, "recording"));
  const holder = global as unknown as { asyncLocalStorage: { getStore(): unknown } };
  const als = holder.asyncLocalStorage;

  it("runs the program with a fresh store of the SDK without entering an AsyncLocalStorage context, then puts the SDK's back", async () => {
    const before = sdk.getStore();
    const inside = await sdk.withFreshStore(async () => {
      await Promise.resolve();
      return { store: sdk.getStore(), seen: holder.asyncLocalStorage.getStore(), real: als.getStore() };
    });
    assert.notStrictEqual(inside.store, before);
    // The SDK saw the fresh store as its local store, while the real AsyncLocalStorage held none: no context was
    // entered, so no promise hook ran.
    assert.strictEqual(inside.seen, inside.store);
    assert.strictEqual(inside.real, undefined);
    assert.strictEqual(holder.asyncLocalStorage, als);
    assert.strictEqual(sdk.getStore(), before);
  });
});
