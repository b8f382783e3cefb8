import { strict as assert } from "node:assert";
import { resultLine } from "../../cli/audit/format/resultLine";
import type { AuditSummary } from "../../cli/audit/summary";

const base: AuditSummary = {
  subscriptions: 2,
  unreadableSubscriptions: 0,
  clusters: 4,
  compliantClusters: 4,
  nonCompliantClusters: 0,
  advisoryClusters: 0,
  unreadableClusters: 0,
  mandatoryFindings: 0,
  advisoryFindings: 0,
  complete: true,
  exitCode: 0,
};

describe("resultLine: the clusters by result, then what decided the exit code", () => {
  const cases: [string, Partial<AuditSummary>, string][] = [
    [
      "all compliant",
      {},
      "Result: 4 clusters: 0 non-compliant, 0 with advisory findings only, 4 compliant. 0 mandatory findings, " +
        "0 advisory: exit 0.",
    ],
    [
      "advisory findings only: exit 0",
      { clusters: 1, compliantClusters: 0, advisoryClusters: 1, advisoryFindings: 7 },
      "Result: 1 cluster: 0 non-compliant, 1 with advisory findings only, 0 compliant. 0 mandatory findings, " +
        "7 advisory: exit 0.",
    ],
    [
      "one mandatory finding: exit 1",
      {
        compliantClusters: 2,
        nonCompliantClusters: 1,
        advisoryClusters: 1,
        mandatoryFindings: 1,
        advisoryFindings: 3,
        exitCode: 1,
      },
      "Result: 4 clusters: 1 non-compliant, 1 with advisory findings only, 2 compliant. 1 mandatory finding, " +
        "3 advisory: exit 1.",
    ],
    [
      "no clusters",
      { clusters: 0, compliantClusters: 0 },
      "Result: no clusters found. 0 mandatory findings, 0 advisory: exit 0.",
    ],
    [
      "incomplete where a mandatory finding may hide: exit 2",
      {
        compliantClusters: 1,
        nonCompliantClusters: 2,
        unreadableClusters: 1,
        unreadableSubscriptions: 2,
        mandatoryFindings: 2,
        complete: false,
        exitCode: 2,
      },
      "Result: 4 clusters: 2 non-compliant, 0 with advisory findings only, 1 compliant, 1 not read in full. " +
        "2 mandatory findings, 0 advisory; 2 subscriptions and 1 cluster could not be read, which may hide a " +
        "mandatory finding: exit 2.",
    ],
    [
      "incomplete in advisory rules only: the exit code stands",
      { compliantClusters: 3, unreadableClusters: 1, complete: false },
      "Result: 4 clusters: 0 non-compliant, 0 with advisory findings only, 3 compliant, 1 not read in full. " +
        "0 mandatory findings, 0 advisory; 1 cluster could not be read in advisory rules only: exit 0.",
    ],
    [
      "nothing readable",
      { clusters: 0, compliantClusters: 0, unreadableSubscriptions: 1, complete: false, exitCode: 2 },
      "Result: no clusters found. 0 mandatory findings, 0 advisory; 1 subscription could not be read, which may " +
        "hide a mandatory finding: exit 2.",
    ],
  ];
  for (const [name, change, expected] of cases)
    it(name, () => assert.equal(resultLine({ ...base, ...change }), expected));
});
