import * as assert from "assert";
import * as path from "path";
import { loadProgramSdk } from "../../cli/check/program/programSdk";
import { FIXTURES, REPO } from "./support/runCli";

describe("check: the program's runtime state", () => {
  const sdk = loadProgramSdk(path.join(REPO, FIXTURES, "recording"));
  const als = (global as unknown as { asyncLocalStorage: { getStore(): unknown } }).asyncLocalStorage;

  it("runs the program in a fresh global store of the SDK, outside any AsyncLocalStorage context, and puts the old one back", async () => {
    const before = sdk.getStore();
    const inside = await sdk.withFreshStore(async () => {
      await Promise.resolve();
      // No AsyncLocalStorage store is entered, so no promise hook taxes the program's promises.
      return { local: als.getStore(), store: sdk.getStore() };
    });
    assert.strictEqual(inside.local, undefined);
    assert.notStrictEqual(inside.store, before);
    assert.strictEqual(sdk.getStore(), before);
  });
});
