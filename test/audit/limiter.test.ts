import { strict as assert } from "node:assert";
import { createLimiter } from "../../cli/audit/limiter";

/** A task whose end the test decides, so concurrency is observed, not timed. */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = (): void => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const settle = (): Promise<void> => new Promise((r) => setImmediate(r));

describe("createLimiter", () => {
  it("runs at most the limit at once and starts the others in submission order as slots free", async () => {
    const limit = createLimiter(2);
    const gates = [gate(), gate(), gate(), gate(), gate()];
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const all = gates.map((g, i) =>
      limit(async () => {
        started.push(i);
        most = Math.max(most, ++running);
        await g.promise;
        running--;
        return i;
      }),
    );
    await settle();
    assert.deepEqual(started, [0, 1]);
    gates[1].open();
    await settle();
    assert.deepEqual(started, [0, 1, 2]);
    // A newcomer submitted while a slot is being handed over waits its turn.
    const late = limit(async () => {
      started.push(99);
      return 99;
    });
    gates[0].open();
    await settle();
    assert.deepEqual(started, [0, 1, 2, 3]);
    gates.forEach((g) => g.open());
    assert.deepEqual(await Promise.all([...all, late]), [0, 1, 2, 3, 4, 99]);
    assert.deepEqual(started, [0, 1, 2, 3, 4, 99]);
    assert.equal(most, 2);
  });

  it("frees the slot of a task that fails", async () => {
    const limit = createLimiter(1);
    await assert.rejects(
      limit(() => Promise.reject(new Error("boom"))),
      /boom/,
    );
    assert.equal(await limit(async () => "next"), "next");
  });

  it("refuses a limit below 1", () => {
    assert.throws(() => createLimiter(0), new RangeError("limit 0 is not a whole number ≥ 1"));
  });
});
