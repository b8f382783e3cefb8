import * as assert from "assert";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Log } from "sarif";
import { STACK, URN, checkFixture } from "./support/checkFixture";
import { FIXTURES, runCli } from "./support/runCli";

const PROJECT = "cluster-without-binding";
const PROGRAM = `${FIXTURES}/${PROJECT}/index.ts`;
const MESSAGE =
  'AKS cluster "aks" (Azure name "aks89d492ee") has no Trusted Access role binding in this stack, so it fails ' +
  'the Cloud Conformity rule "Enable Trusted Access for AKS Clusters": declare it with the AksCluster component ' +
  "and at least one trustedAccess entry, or add a TrustedAccessBindings component for it; to exempt it, tag it " +
  '"trusted-access-exempt" or list it in exemptClusters.';
const DESCRIPTION =
  "Every AKS cluster in the stack is the target of at least one Trusted Access role binding in the same stack.";

describe("check: the text, JSON and SARIF reports", function () {
  this.timeout(180_000);

  it("prints the resource tree, the violations by pack and policy, and the totals, like pulumi preview", async () => {
    const { run, report } = await checkFixture(PROJECT);
    assert.strictEqual(
      run.stdout,
      [
        `Previewing stack "check" of project "${PROJECT}" (${PROGRAM})`,
        "Simulated offline as a first `pulumi preview` of a new stack: nothing is deployed, values only Azure can " +
          "compute are unknown.",
        "",
        "     Type                                             Name                           Plan",
        " +   pulumi:pulumi:Stack                              cluster-without-binding-check  create",
        " +   ├─ azure-native:resources:ResourceGroup          rg                             create",
        " +   └─ azure-native:containerservice:ManagedCluster  aks                            create",
        "",
        "Policies:",
        "    ❌ aks-trusted-access@v0.1.0 (local: cli/dist/policypack)",
        "        - [mandatory]  aks-trusted-access-required  (1 violation)",
        `          ${DESCRIPTION}`,
        `          azure-native:containerservice:ManagedCluster: aks  at ${PROGRAM}:6`,
        `            ${MESSAGE}`,
        "",
        "Resources:",
        "    + 3 to create",
        "",
        "Policy violations: 1 mandatory, 0 advisory (9 policies in 1 pack).",
        "FAILED: a mandatory policy is violated.",
        "",
      ].join("\n"),
    );
    const rg = URN(PROJECT, "azure-native:resources:ResourceGroup", "rg");
    const aks = URN(PROJECT, "azure-native:containerservice:ManagedCluster", "aks");
    const { policyPacks, ...rest } = report ?? { policyPacks: [] };
    assert.deepStrictEqual(rest, {
      schemaVersion: 1,
      tool: { name: "aks-trusted-access", version: "0.1.0" },
      project: PROJECT,
      stack: "check",
      program: PROGRAM,
      verdict: "fail",
      resources: [
        {
          urn: STACK(PROJECT),
          type: "pulumi:pulumi:Stack",
          name: `${PROJECT}-check`,
          operation: "create",
          custom: false,
        },
        {
          urn: rg,
          type: "azure-native:resources:ResourceGroup",
          name: "rg",
          operation: "create",
          custom: true,
          parent: STACK(PROJECT),
          location: { file: PROGRAM, line: 4, column: 15 },
        },
        {
          urn: aks,
          type: "azure-native:containerservice:ManagedCluster",
          name: "aks",
          operation: "create",
          custom: true,
          parent: STACK(PROJECT),
          location: { file: PROGRAM, line: 6, column: 1 },
        },
      ],
      diagnostics: [
        {
          policyPack: "aks-trusted-access",
          policyPackVersion: "0.1.0",
          policy: "aks-trusted-access-required",
          enforcementLevel: "mandatory",
          severity: "high",
          description: DESCRIPTION,
          message: MESSAGE,
          urn: aks,
          resourceType: "azure-native:containerservice:ManagedCluster",
          resourceName: "aks",
          location: { file: PROGRAM, line: 6, column: 1 },
        },
      ],
      skipped: [],
      logs: [],
      totals: {
        resources: 3,
        policyPacks: 1,
        policies: 9,
        mandatory: 1,
        advisory: 0,
        skipped: 0,
        mandatorySkipped: 0,
      },
    });
    // The pack's own texts belong to its tests; here, which policies ran and at which level.
    assert.deepStrictEqual(
      policyPacks.map((p) => [
        p.name,
        p.version,
        p.path,
        p.policies.map((q) => `${q.name}:${q.enforcementLevel}`),
      ]),
      [
        [
          "aks-trusted-access",
          "0.1.0",
          "cli/dist/policypack",
          [
            "aks-cluster-system-assigned-identity:mandatory",
            "aks-kms-private-key-vault:advisory",
            "aks-node-os-auto-upgrade:advisory",
            "aks-node-pool-fips:advisory",
            "aks-private-cluster:advisory",
            "aks-trusted-access-binding-limits:mandatory",
            "aks-trusted-access-binding-valid:mandatory",
            "aks-trusted-access-privileged-roles:advisory",
            "aks-trusted-access-required:mandatory",
          ],
        ],
      ],
    );
  });

  it("writes SARIF 2.1.0 that validates against the SARIF schema: a rule per policy, a result per violation", async () => {
    const run = await runCli(["check", `${FIXTURES}/invalid-binding`, "--output", "sarif"]);
    assert.strictEqual(run.code, 1, run.stderr);
    const log = JSON.parse(run.stdout) as Log;
    const schema = JSON.parse(
      fs.readFileSync(path.join(__dirname, "schemas", "sarif-2.1.0.json"), "utf8"),
    ) as object;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    // The schema is not vacuous: a level SARIF does not know is refused.
    const broken = JSON.parse(run.stdout) as { runs: { results: { level: string }[] }[] };
    broken.runs[0].results[0].level = "fatal";
    assert.strictEqual(validate(broken), false);

    const sarifRun = log.runs[0];
    assert.deepStrictEqual(
      sarifRun.tool.driver.rules?.map((r) => [r.id, r.defaultConfiguration?.level]),
      [
        ["aks-cluster-system-assigned-identity", "error"],
        ["aks-kms-private-key-vault", "warning"],
        ["aks-node-os-auto-upgrade", "warning"],
        ["aks-node-pool-fips", "warning"],
        ["aks-private-cluster", "warning"],
        ["aks-trusted-access-binding-limits", "error"],
        ["aks-trusted-access-binding-valid", "error"],
        ["aks-trusted-access-privileged-roles", "warning"],
        ["aks-trusted-access-required", "error"],
      ],
    );
    const binding = URN(
      "invalid-binding",
      "azure-native:containerservice:TrustedAccessRoleBinding",
      "backup",
    );
    const cluster = URN("invalid-binding", "azure-native:containerservice:ManagedCluster", "aks");
    const at = (startLine: number, startColumn: number) => ({
      artifactLocation: { uri: `${FIXTURES}/invalid-binding/index.ts`, uriBaseId: "%SRCROOT%" },
      region: { startLine, startColumn },
    });
    assert.deepStrictEqual(
      sarifRun.results?.map((r) => ({
        rule: r.ruleId,
        index: r.ruleIndex,
        level: r.level,
        location: r.locations?.[0].physicalLocation,
        resource: r.locations?.[0].logicalLocations?.[0].fullyQualifiedName,
      })),
      [
        // The cluster declares none of the related rules' settings: advisory, so SARIF warnings.
        ...[
          ["aks-kms-private-key-vault", 1],
          ["aks-node-os-auto-upgrade", 2],
          ["aks-private-cluster", 4],
        ].map(([rule, index]) => ({ rule, index, level: "warning", location: at(3, 17), resource: cluster })),
        ...[1, 2].map(() => ({
          rule: "aks-trusted-access-binding-valid",
          index: 6,
          level: "error",
          location: at(10, 1),
          resource: binding,
        })),
      ],
    );
  });

  it("writes JSON alone on stdout without --out, so it can be piped", async () => {
    const run = await runCli(["check", `${FIXTURES}/api-versions`, "--output", "json"]);
    assert.strictEqual(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout) as { verdict: string; totals: { mandatory: number } };
    assert.strictEqual(report.verdict, "fail");
    assert.strictEqual(report.totals.mandatory, 1);
  });
});

describe("check: --policy-pack-config", function () {
  this.timeout(180_000);
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-check-config-"))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("runs a policy at the level the file gives it: advisory violations pass the check (exit 0)", async () => {
    const config = path.join(dir, "advisory.json");
    fs.writeFileSync(config, JSON.stringify({ "aks-trusted-access-required": "advisory" }));
    const { run, report } = await checkFixture(PROJECT, ["--policy-pack-config", config]);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.deepStrictEqual(
      report?.diagnostics.map((d) => [d.policy, d.enforcementLevel, d.message]),
      [["aks-trusted-access-required", "advisory", MESSAGE]],
    );
    assert.ok(
      run.stdout.endsWith(
        "Policy violations: 0 mandatory, 1 advisory (9 policies in 1 pack).\nPASSED: no mandatory policy is violated.\n",
      ),
    );
  });

  it("passes settings to the policy: an exempt cluster is not a violation", async () => {
    const config = path.join(dir, "exempt.json");
    fs.writeFileSync(config, JSON.stringify({ "aks-trusted-access-required": { exemptClusters: ["aks"] } }));
    const { run, report } = await checkFixture(PROJECT, ["--policy-pack-config", config]);
    assert.strictEqual(run.code, 0, run.stderr);
    assert.deepStrictEqual(report?.diagnostics, []);
  });

  it("refuses a setting its schema does not allow (exit 2)", async () => {
    const config = path.join(dir, "invalid.json");
    fs.writeFileSync(config, JSON.stringify({ "aks-trusted-access-required": { exemptClusters: "aks" } }));
    const run = await runCli(["check", `${FIXTURES}/${PROJECT}`, "--policy-pack-config", config]);
    assert.strictEqual(
      run.stderr,
      `error: Policy pack "aks-trusted-access" config (--policy-pack-config ${config}) is not valid: policy ` +
        '"aks-trusted-access-required": property "exemptClusters" is "aks", but it must be an array.\n',
    );
    assert.strictEqual(run.code, 2);
  });
});
