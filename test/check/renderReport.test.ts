import * as assert from "assert";
import type { Log } from "sarif";
import { statusLine } from "../../cli/check/statusLine";
import { CheckReport } from "../../cli/output/checkReport";
import { renderSarif } from "../../cli/output/checkSarif";
import { renderText } from "../../cli/output/checkText";

const STACK = "urn:pulumi:dev::app::pulumi:pulumi:Stack::app-dev";
const CLUSTER = "urn:pulumi:dev::app::azure-native:containerservice:ManagedCluster::aks";
const LEGACY = "urn:pulumi:dev::app::azure-native:containerservice:ManagedCluster::legacy";

/** A report with what the fixture programs do not all produce: logs, reads, two packs, a stack-wide note. */
const report: CheckReport = {
  schemaVersion: 1,
  tool: { name: "aks-trusted-access", version: "9.9.9" },
  project: "app",
  stack: "dev",
  program: "index.ts",
  verdict: "pass",
  resources: [
    { urn: STACK, type: "pulumi:pulumi:Stack", name: "app-dev", operation: "create", custom: false },
    {
      urn: CLUSTER,
      type: "azure-native:containerservice:ManagedCluster",
      name: "aks",
      operation: "create",
      custom: true,
      parent: STACK,
      location: { file: "index.ts", line: 7, column: 3 },
    },
    {
      urn: LEGACY,
      type: "azure-native:containerservice:ManagedCluster",
      name: "legacy",
      operation: "read",
      custom: true,
      parent: STACK,
    },
  ],
  policyPacks: [
    {
      name: "team",
      version: "1.0.0",
      path: "packs/team",
      policies: [
        { name: "shared-name", description: "Team rule.", enforcementLevel: "advisory", severity: "low" },
        { name: "quiet", description: "Never fires.", enforcementLevel: "disabled" },
      ],
    },
    {
      name: "org",
      version: "2.0.0",
      path: "packs/org",
      policies: [
        {
          name: "shared-name",
          description: "Org rule.",
          enforcementLevel: "advisory",
          url: "https://example.org/r",
        },
      ],
    },
  ],
  diagnostics: [
    {
      policyPack: "team",
      policyPackVersion: "1.0.0",
      policy: "shared-name",
      enforcementLevel: "advisory",
      severity: "low",
      description: "Team rule.",
      message: "aks is too small.\nGive it more nodes.",
      urn: CLUSTER,
      resourceType: "azure-native:containerservice:ManagedCluster",
      resourceName: "aks",
      location: { file: "index.ts", line: 7, column: 3 },
    },
    {
      policyPack: "team",
      policyPackVersion: "1.0.0",
      policy: "shared-name",
      enforcementLevel: "advisory",
      description: "Team rule.",
      message: "The stack has no owner tag.",
    },
  ],
  logs: [
    { severity: "info", message: "planning", urn: STACK },
    { severity: "warning", message: "legacy cluster is read, not managed", urn: LEGACY },
  ],
  totals: { resources: 3, policyPacks: 2, policies: 3, mandatory: 0, advisory: 2 },
};

describe("check: rendering a report", () => {
  it("renders reads, diagnostics by resource, a passing and a warning pack, and a stack-wide note as text", () => {
    assert.strictEqual(
      renderText(report),
      [
        'Previewing stack "dev" of project "app" (index.ts)',
        "Simulated offline as a first `pulumi preview` of a new stack: nothing is deployed, values only Azure can " +
          "compute are unknown.",
        "",
        "     Type                                             Name     Plan",
        " +   pulumi:pulumi:Stack                              app-dev  create",
        " +   ├─ azure-native:containerservice:ManagedCluster  aks      create",
        " >   └─ azure-native:containerservice:ManagedCluster  legacy   read",
        "",
        "Diagnostics:",
        "  pulumi:pulumi:Stack (app-dev):",
        "    planning",
        "",
        "  azure-native:containerservice:ManagedCluster (legacy):",
        "    warning: legacy cluster is read, not managed",
        "",
        "Policies:",
        "    ⚠️ team@v1.0.0 (local: packs/team)",
        "        - [advisory]  shared-name  (2 violations)",
        "          Team rule.",
        "          azure-native:containerservice:ManagedCluster: aks  at index.ts:7",
        "            aks is too small.",
        "            Give it more nodes.",
        "          the stack",
        "            The stack has no owner tag.",
        "    ✅ org@v2.0.0 (local: packs/org)",
        "",
        "Resources:",
        "    + 2 to create",
        "    > 1 to read",
        "",
        "Policy violations: 0 mandatory, 2 advisory (3 policies in 2 packs).",
        "PASSED: no mandatory policy is violated.",
        "",
      ].join("\n"),
    );
  });

  it("gives policies of the same name in two packs distinct SARIF rule ids, and a stack-wide note the program's line 1", () => {
    const log = JSON.parse(renderSarif(report)) as Log;
    const run = log.runs[0];
    assert.deepStrictEqual(
      run.tool.driver.rules?.map((r) => [
        r.id,
        r.defaultConfiguration,
        r.properties?.["security-severity"],
        r.helpUri,
      ]),
      [
        ["team/shared-name", { level: "warning", enabled: true }, "2.0", undefined],
        ["quiet", { level: "none", enabled: false }, undefined, undefined],
        ["org/shared-name", { level: "warning", enabled: true }, undefined, "https://example.org/r"],
      ],
    );
    assert.deepStrictEqual(
      run.results?.map((r) => [r.ruleId, r.ruleIndex, r.level, r.message.text, r.locations?.[0]]),
      [
        [
          "team/shared-name",
          0,
          "warning",
          "aks is too small.\nGive it more nodes.",
          {
            physicalLocation: {
              artifactLocation: { uri: "index.ts", uriBaseId: "%SRCROOT%" },
              region: { startLine: 7, startColumn: 3 },
            },
            logicalLocations: [{ fullyQualifiedName: CLUSTER, name: "aks", kind: "resource" }],
          },
        ],
        [
          "team/shared-name",
          0,
          "warning",
          "The stack has no owner tag.",
          {
            physicalLocation: {
              artifactLocation: { uri: "index.ts", uriBaseId: "%SRCROOT%" },
              region: { startLine: 1, startColumn: 1 },
            },
          },
        ],
      ],
    );
  });

  it("shows the status line only on a terminal, and clears it", () => {
    const written: string[] = [];
    const stream = (isTTY: boolean) =>
      ({ isTTY, write: (s: string) => written.push(s) }) as unknown as NodeJS.WriteStream;
    const piped = statusLine(stream(false));
    piped.update("running");
    piped.clear();
    assert.deepStrictEqual(written, []);
    const terminal = statusLine(stream(true));
    terminal.update("running");
    terminal.clear();
    terminal.clear();
    assert.deepStrictEqual(written, ["\r\x1b[Krunning", "\r\x1b[K"]);
  });
});
