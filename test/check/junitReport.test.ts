import * as assert from "assert";
import type { CheckReport } from "../../cli/output/checkReport";
import { renderCheckJunit } from "../../cli/output/checkJunit";
import { renderJunit } from "../../cli/output/junit/junitXml";
import { caseOutcomes, junitSchemaErrors, parseJunit } from "../support/junitReport";
import { reportWithViolations } from "./support/reportWithViolations";

describe("JUnit reports: the XML", () => {
  it("keeps quotes, markup, line breaks and tabs of a message through a parser, and replaces what XML cannot hold", async () => {
    const message = 'binding "ml" <a & b>\nsecond\tline \u0001 end';
    const xml = renderJunit("tool", [
      {
        name: "suite",
        cases: [
          {
            classname: "policy",
            name: "aks (type)",
            outcome: { kind: "failure", message, type: "mandatory", details: message },
            systemOut: "out <x>",
          },
        ],
      },
    ]);
    assert.deepStrictEqual(await junitSchemaErrors(xml), []);
    const parsed = await parseJunit(xml);
    const testcase = parsed.testsuite?.[0].testcase?.[0];
    const expected = 'binding "ml" <a & b>\nsecond\tline \uFFFD end';
    assert.strictEqual(testcase?.failure?.[0].message, expected);
    assert.strictEqual(testcase?.failure?.[0].inner, expected);
    assert.deepStrictEqual(testcase?.["system-out"], ["out <x>"]);
  });

  it("counts tests, failures, errors and skipped cases per suite, and all but skipped ones on the root", async () => {
    const passed = { kind: "passed" } as const;
    const failure = { kind: "failure", message: "m", type: "t", details: "d" } as const;
    const error = { kind: "error", message: "m", type: "t", details: "d" } as const;
    const skipped = { kind: "skipped", message: "m" } as const;
    const xml = renderJunit("tool", [
      {
        name: "a",
        cases: [passed, failure, skipped].map((outcome) => ({ classname: "p", name: "r", outcome })),
      },
      { name: "b", cases: [error, failure].map((outcome) => ({ classname: "p", name: "r", outcome })) },
    ]);
    assert.deepStrictEqual(await junitSchemaErrors(xml), []);
    const parsed = await parseJunit(xml);
    assert.deepStrictEqual([parsed.tests, parsed.failures, parsed.errors], [5, 2, 1]);
    assert.deepStrictEqual(
      parsed.testsuite?.map((s) => [s.name, s.tests, s.failures, s.errors, s.skipped]),
      [
        ["a", 3, 1, 0, 1],
        ["b", 2, 1, 1, 0],
      ],
    );
  });

  it("is checked against a schema that is not vacuous: a case without a name, a count junit-10.xsd lacks, fail", async () => {
    const valid = renderJunit("tool", [
      { name: "s", cases: [{ classname: "p", name: "r", outcome: { kind: "passed" } }] },
    ]);
    assert.deepStrictEqual(await junitSchemaErrors(valid), []);
    const withoutName = valid.replace(' name="r"', "");
    assert.match((await junitSchemaErrors(withoutName)).join("\n"), /The attribute 'name' is required/);
    const rootSkipped = valid.replace('<testsuites name="tool"', '<testsuites name="tool" skipped="0"');
    assert.match((await junitSchemaErrors(rootSkipped)).join("\n"), /The attribute 'skipped' is not allowed/);
  });
});

describe("JUnit reports: check", () => {
  it("gives a case per (policy, resource): a mandatory violation fails, an advisory one passes with its message", async () => {
    const xml = renderCheckJunit(reportWithViolations(3));
    assert.deepStrictEqual(await junitSchemaErrors(xml), []);
    const parsed = await parseJunit(xml);
    assert.strictEqual(parsed.name, "aks-trusted-access check");
    assert.deepStrictEqual(caseOutcomes(parsed), [
      "aks-private-cluster | aks-1 (azure-native:containerservice:ManagedCluster) | passed",
      "aks-private-cluster | aks-2 (azure-native:containerservice:ManagedCluster) | passed",
      "aks-private-cluster | the stack | skipped: known only after deployment: sourceResourceId",
      `aks-trusted-access-required | aks-0 (azure-native:containerservice:ManagedCluster) | failure: ${'AKS cluster "aks-0" '.padEnd(80, "x")}`,
      "aks-trusted-access-required | the stack | skipped: known only after deployment: sourceResourceId",
    ]);
    const advisory = parsed.testsuite?.[0].testcase?.[0];
    assert.deepStrictEqual(advisory?.["system-out"], [
      `[advisory] (index.ts:2) ${'AKS cluster "aks-1" '.padEnd(80, "x")}\nFix: Set enablePrivateCluster.`,
    ]);
    assert.deepStrictEqual(
      parsed.testsuite?.[0].properties?.map((p) => `${p.name}=${p.value}`),
      ["project=app", "stack=dev", "program=index.ts", "verdict=fail"],
    );
  });

  it("gives a policy that reported on nothing one case for the stack: passed, or skipped when disabled", async () => {
    const base = reportWithViolations(0);
    const report: CheckReport = {
      ...base,
      skipped: [],
      policyPacks: [
        {
          ...base.policyPacks[0],
          policies: [
            { name: "on", description: "On.", enforcementLevel: "mandatory" },
            { name: "off", description: "Off.", enforcementLevel: "disabled" },
          ],
        },
      ],
    };
    const xml = renderCheckJunit(report);
    assert.deepStrictEqual(await junitSchemaErrors(xml), []);
    assert.deepStrictEqual(caseOutcomes(await parseJunit(xml)), [
      "on | the stack | passed",
      "off | the stack | skipped: The policy is disabled (enforcement level disabled).",
    ]);
  });
});
