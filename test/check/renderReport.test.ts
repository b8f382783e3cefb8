import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
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
  skipped: [],
  logs: [
    { severity: "info", message: "planning", urn: STACK },
    { severity: "warning", message: "legacy cluster is read, not managed", urn: LEGACY },
  ],
  totals: {
    resources: 3,
    policyPacks: 2,
    policies: 3,
    mandatory: 0,
    advisory: 2,
    skipped: 0,
    mandatorySkipped: 0,
  },
};

/** The same stack where the team pack's checks met values unknown in preview: one mandatory, one advisory skip. */
const skippedReport: CheckReport = {
  ...report,
  policyPacks: [
    {
      name: "team",
      version: "1.0.0",
      path: "packs/team",
      policies: [
        { name: "bound", description: "Every cluster is bound.", enforcementLevel: "mandatory" },
        { name: "shared-name", description: "Team rule.", enforcementLevel: "advisory" },
      ],
    },
  ],
  diagnostics: [],
  skipped: [
    {
      policyPack: "team",
      policyPackVersion: "1.0.0",
      policy: "bound",
      enforcementLevel: "mandatory",
      unknown: 'the target of binding "ml"',
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
      unknown: "string value at .tags can't be known during preview",
    },
  ],
  logs: [],
  totals: {
    resources: 3,
    policyPacks: 1,
    policies: 2,
    mandatory: 0,
    advisory: 0,
    skipped: 2,
    mandatorySkipped: 1,
  },
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

  it("counts skipped checks in text and does not read as a clean pass when a mandatory one was skipped", () => {
    const text = renderText(skippedReport);
    assert.strictEqual(
      text.slice(text.indexOf("Policies:")),
      [
        "Policies:",
        "    ⚠️ team@v1.0.0 (local: packs/team)",
        "        - [mandatory]  bound  (1 check skipped)",
        "          azure-native:containerservice:ManagedCluster: aks  at index.ts:7",
        '            known only after deployment: the target of binding "ml"',
        "        - [advisory]  shared-name  (1 check skipped)",
        "          the stack",
        "            known only after deployment: string value at .tags can't be known during preview",
        "",
        "Resources:",
        "    + 2 to create",
        "    > 1 to read",
        "",
        "Policy violations: 0 mandatory, 0 advisory (2 policies in 1 pack).",
        "2 checks skipped: values known only after deployment (1 mandatory, 1 advisory).",
        "PASSED, but 1 check of mandatory policies could not run: no mandatory policy is violated by the values " +
          "known before deployment.",
        "",
      ].join("\n"),
    );
  });

  it("gives each skipped check a SARIF tool execution notification of its rule, valid against the schema", () => {
    const log = JSON.parse(renderSarif(skippedReport)) as Log;
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.deepStrictEqual(log.runs[0].invocations, [
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: "warning",
            message: {
              text:
                'Check skipped on azure-native:containerservice:ManagedCluster "aks": known only after ' +
                'deployment: the target of binding "ml".',
            },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: "index.ts", uriBaseId: "%SRCROOT%" },
                  region: { startLine: 7, startColumn: 3 },
                },
                logicalLocations: [{ fullyQualifiedName: CLUSTER, name: "aks", kind: "resource" }],
              },
            ],
            associatedRule: { id: "bound", index: 0 },
          },
          {
            level: "note",
            message: {
              text:
                "Check skipped on the stack: known only after deployment: string value at .tags can't be known " +
                "during preview.",
            },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: "index.ts", uriBaseId: "%SRCROOT%" },
                  region: { startLine: 1, startColumn: 1 },
                },
              },
            ],
            associatedRule: { id: "shared-name", index: 1 },
          },
        ],
      },
    ]);
    // The schema is not vacuous here: a notification level SARIF does not know is refused.
    const broken = JSON.parse(renderSarif(skippedReport)) as {
      runs: { invocations: { toolExecutionNotifications: { level: string }[] }[] }[];
    };
    broken.runs[0].invocations[0].toolExecutionNotifications[0].level = "fatal";
    assert.strictEqual(validate(broken), false);
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

/** The vendored SARIF 2.1.0 schema, compiled as the end-to-end SARIF test compiles it. */
function sarifValidator(): ReturnType<Ajv2020["compile"]> {
  const schema = JSON.parse(
    fs.readFileSync(path.join(__dirname, "schemas", "sarif-2.1.0.json"), "utf8"),
  ) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
