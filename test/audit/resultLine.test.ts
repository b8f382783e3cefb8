import { strict as assert } from "node:assert";
import { resultLine } from "../../cli/audit/format/resultLine";
import type { AuditSummary } from "../../cli/audit/summary";

const base: AuditSummary = {
  subscriptions: 2,
  unreadableSubscriptions: 0,
  clusters: 4,
  compliantClusters: 4,
  nonCompliantClusters: 0,
  unreadableClusters: 0,
  complete: true,
  exitCode: 0,
};

describe("resultLine", () => {
  const cases: [string, Partial<AuditSummary>, string][] = [
    ["all compliant", {}, "Result: all 4 clusters are compliant."],
    ["one cluster, compliant", { clusters: 1, compliantClusters: 1 }, "Result: the 1 cluster is compliant."],
    ["no clusters", { clusters: 0, compliantClusters: 0 }, "Result: no clusters found."],
    [
      "one non-compliant",
      { compliantClusters: 3, nonCompliantClusters: 1 },
      "Result: 1 of 4 clusters is non-compliant.",
    ],
    [
      "incomplete",
      {
        compliantClusters: 1,
        nonCompliantClusters: 2,
        unreadableClusters: 1,
        unreadableSubscriptions: 2,
        complete: false,
      },
      "Result: 2 of 4 clusters are non-compliant; 2 subscriptions and 1 cluster could not be read, so the audit is incomplete.",
    ],
    [
      "nothing readable",
      { clusters: 0, compliantClusters: 0, unreadableSubscriptions: 1, complete: false },
      "Result: no clusters found; 1 subscription could not be read, so the audit is incomplete.",
    ],
  ];
  for (const [name, change, expected] of cases)
    it(name, () => assert.equal(resultLine({ ...base, ...change }), expected));
});
