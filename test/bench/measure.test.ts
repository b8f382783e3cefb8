import * as assert from "assert";
import { compare, compareSideBySide, median, runSideBySide, series } from "../../bench/measure";

describe("bench measurement", () => {
  const medians: { name: string; values: number[]; expected: number }[] = [
    { name: "one value", values: [7], expected: 7 },
    { name: "an odd count, unsorted", values: [9, 1, 5], expected: 5 },
    { name: "an even count: the mean of the middle two", values: [4, 1, 3, 2], expected: 2.5 },
    { name: "values with an outlier, which does not move it", values: [10, 11, 12, 1000, 9], expected: 11 },
  ];
  for (const c of medians) {
    it(`takes the median of ${c.name}`, () => assert.strictEqual(median(c.values), c.expected));
  }

  it("refuses the median of no values", () => {
    assert.throws(() => median([]), { message: "median of no values" });
  });

  it("runs the warm-ups first, then every side once per round in an order that rotates", async () => {
    const calls: string[] = [];
    const side = (name: string) => async () => {
      calls.push(name);
      return { ms: calls.length };
    };
    const samples = await runSideBySide(
      { warmups: 1, runs: 2 },
      { a: side("a"), b: side("b"), c: side("c") },
    );
    assert.deepStrictEqual(calls, ["a", "b", "c", "b", "c", "a", "c", "a", "b"]);
    // Only the measured rounds are kept: the warm-up's calls 1-3 are thrown away.
    assert.deepStrictEqual(series(samples.a, "ms"), [6, 8]);
    assert.deepStrictEqual(series(samples.b, "ms"), [4, 9]);
    assert.deepStrictEqual(series(samples.c, "ms"), [5, 7]);
  });

  it("gives the median of the per-round ratios, not the ratio of the medians", () => {
    // Per round: 2, 3 and 0.5 (a neighbour's load hit the baseline in the third round); medians 30 and 10.
    const comparison = compare([2, 30, 50], [1, 10, 100]);
    assert.strictEqual(comparison.ratio, 2);
    assert.strictEqual(comparison.subject.medianMs, 30);
    assert.strictEqual(comparison.baseline.medianMs, 10);
  });

  it("gives no ratio (NaN, null in JSON) when a baseline measured 0", () => {
    const comparison = compare([10, 10], [5, 0]);
    assert.ok(Number.isNaN(comparison.ratio));
    assert.strictEqual(JSON.stringify({ ratio: comparison.ratio }), '{"ratio":null}');
  });

  it("compares two sides that time themselves", async () => {
    const durations = { subject: [30, 33, 36], baseline: [10, 11, 12] };
    const next = (side: "subject" | "baseline") => async () => durations[side].shift() ?? 0;
    const comparison = await compareSideBySide({ warmups: 0, runs: 3 }, next("subject"), next("baseline"));
    assert.strictEqual(comparison.ratio, 3);
    assert.deepStrictEqual(comparison.subject.samplesMs, [30, 33, 36]);
  });

  const badRounds: { name: string; rounds: { warmups: number; runs: number }; message: string }[] = [
    {
      name: "no runs",
      rounds: { warmups: 1, runs: 0 },
      message: "runs must be a whole number of 1 or more, got 0",
    },
    {
      name: "a fraction of a run",
      rounds: { warmups: 0, runs: 1.5 },
      message: "runs must be a whole number of 1 or more, got 1.5",
    },
    {
      name: "negative warm-ups",
      rounds: { warmups: -1, runs: 5 },
      message: "warmups must be a whole number of 0 or more, got -1",
    },
  ];
  for (const c of badRounds) {
    it(`refuses ${c.name}`, async () => {
      await assert.rejects(runSideBySide(c.rounds, { a: async () => ({ ms: 1 }) }), { message: c.message });
    });
  }
});
