import { strict as assert } from "node:assert";
import { terminalProgress } from "../../cli/audit/progress";

const step = { subscriptionsDone: 1, subscriptionsTotal: 3, clustersDone: 4, clustersTotal: 10 };

describe("terminalProgress", () => {
  it("rewrites one line on a terminal and clears it when done", () => {
    const written: string[] = [];
    const progress = terminalProgress({ isTTY: true, write: (t: string) => written.push(t) });
    progress.update(step);
    progress.update({ ...step, subscriptionsDone: 3, clustersDone: 10 });
    progress.done();
    assert.deepEqual(written, [
      "\rAuditing: 1/3 subscriptions, 4/10 clusters\x1b[K",
      "\rAuditing: 3/3 subscriptions, 10/10 clusters\x1b[K",
      "\r\x1b[K",
    ]);
  });

  it("writes nothing to a pipe or a file", () => {
    const written: string[] = [];
    const progress = terminalProgress({ isTTY: false, write: (t: string) => written.push(t) });
    progress.update(step);
    progress.done();
    assert.deepEqual(written, []);
  });
});
