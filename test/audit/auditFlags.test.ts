import { strict as assert } from "node:assert";
import { AuditCommandOptions, AuditFlags, parseAuditFlags } from "../../cli/audit/auditFlags";
import { UsageError } from "../../cli/command/usageError";

const A = "11111111-1111-1111-1111-111111111111";
const B = "22222222-2222-2222-2222-222222222222";

/** Flags as commander hands them over with only the defaults set. */
function flags(change: Partial<AuditFlags>): AuditFlags {
  return {
    subscription: [],
    output: "table",
    concurrency: "8",
    cloud: "AzureCloud",
    credential: "default",
    ...change,
  };
}

const defaults: AuditCommandOptions = {
  subscriptions: "all",
  resourceGraph: false,
  concurrency: 8,
  rules: [
    "trusted-access-missing",
    "node-os-auto-upgrade",
    "private-cluster",
    "node-pool-fips",
    "kms-private-key-vault",
  ],
  rulesNamed: false,
  requireMaintenanceWindow: false,
  output: "table",
  reports: [],
  cloud: "AzureCloud",
  credential: "default",
  armEndpoint: undefined,
  audience: undefined,
};

describe("parseAuditFlags", () => {
  const accepted: [string, Partial<AuditFlags>, Partial<AuditCommandOptions>][] = [
    ["takes --all-subscriptions with the defaults", { allSubscriptions: true }, {}],
    [
      "takes repeated --subscription, dropping repeats that differ only in case",
      { subscription: [A, B, A.toUpperCase()] },
      { subscriptions: [A.toUpperCase(), B] },
    ],
    [
      "takes --report FORMAT=FILE, repeated, beside --out",
      { allSubscriptions: true, out: "audit.txt", report: ["junit=audit.xml", "markdown=summary.md"] },
      {
        out: "audit.txt",
        reports: [
          { format: "junit", file: "audit.xml" },
          { format: "markdown", file: "summary.md" },
        ],
      },
    ],
    ["takes --concurrency 1 and 64", { allSubscriptions: true, concurrency: "64" }, { concurrency: 64 }],
    [
      "takes an https --arm-endpoint and --audience",
      {
        allSubscriptions: true,
        armEndpoint: "https://management.local.azurestack.external",
        audience: "https://management.adfs.azurestack.local/0000",
      },
      {
        armEndpoint: "https://management.local.azurestack.external",
        audience: "https://management.adfs.azurestack.local/0000",
      },
    ],
    [
      "takes --out, --output, --resource-graph, --cloud and --credential",
      {
        allSubscriptions: true,
        out: "audit.sarif",
        output: "sarif",
        resourceGraph: true,
        cloud: "AzureChinaCloud",
        credential: "cli",
      },
      {
        out: "audit.sarif",
        output: "sarif",
        resourceGraph: true,
        cloud: "AzureChinaCloud",
        credential: "cli",
      },
    ],
    [
      "takes --rule (in the rules' order, repeats dropped) and --require-maintenance-window",
      {
        allSubscriptions: true,
        rule: ["private-cluster", "node-os-auto-upgrade", "private-cluster"],
        requireMaintenanceWindow: true,
      },
      {
        rules: ["node-os-auto-upgrade", "private-cluster"],
        rulesNamed: true,
        requireMaintenanceWindow: true,
      },
    ],
    [
      "takes --policy-config, read later with the pack's policies",
      { allSubscriptions: true, policyConfig: "policy-config.json" },
      { policyConfig: "policy-config.json" },
    ],
  ];
  for (const [name, given, expected] of accepted) {
    it(name, () => assert.deepEqual(parseAuditFlags(flags(given)), { ...defaults, ...expected }));
  }

  const rejected: [string, Partial<AuditFlags>, string][] = [
    [
      "rejects neither --subscription nor --all-subscriptions",
      {},
      "Choose what to audit: --subscription <id> (repeat it for several) or --all-subscriptions.",
    ],
    [
      "rejects both --subscription and --all-subscriptions",
      { subscription: [A], allSubscriptions: true },
      "--subscription and --all-subscriptions exclude each other: give one of them.",
    ],
    [
      "rejects a subscription that is not a GUID",
      { subscription: [A, "prod"] },
      '--subscription "prod" is not a subscription id: give a GUID such as 00000000-0000-0000-0000-000000000000.',
    ],
    ...["0", "65", "1.5", "-1", "eight", ""].map((n): [string, Partial<AuditFlags>, string] => [
      `rejects --concurrency ${JSON.stringify(n)}`,
      { allSubscriptions: true, concurrency: n },
      `--concurrency ${JSON.stringify(n)} is not allowed: give a whole number from 1 to 64.`,
    ]),
    ...["http://127.0.0.1:8443", "management.azure.com", "https://management.azure.com/?x=1"].map(
      (u): [string, Partial<AuditFlags>, string] => [
        `rejects --arm-endpoint ${u}`,
        { allSubscriptions: true, armEndpoint: u },
        `--arm-endpoint ${JSON.stringify(u)} is not an https URL: give one such as https://management.azure.com (tokens are only sent over HTTPS).`,
      ],
    ),
    [
      "rejects --require-maintenance-window when --rule leaves out the node OS rule",
      { allSubscriptions: true, rule: ["private-cluster"], requireMaintenanceWindow: true },
      "--require-maintenance-window belongs to rule node-os-auto-upgrade, which --rule leaves out: add " +
        "--rule node-os-auto-upgrade or drop --require-maintenance-window.",
    ],
    [
      "rejects a --report format audit does not write, naming the formats it does",
      { allSubscriptions: true, report: ["text=audit.txt"] },
      '--report "text=audit.txt" names the format "text", which this command does not write: give one of table, ' +
        "json, sarif, markdown, junit.",
    ],
    [
      "rejects a --report to the file of --out",
      { allSubscriptions: true, out: "audit.xml", report: ["junit=audit.xml"] },
      '--report "junit=audit.xml" writes the file "audit.xml", as --out "audit.xml" does: give each report a file of its own.',
    ],
    [
      "rejects an http --audience",
      { allSubscriptions: true, audience: "http://x" },
      '--audience "http://x" is not an https URL: give one such as https://management.azure.com (tokens are only sent over HTTPS).',
    ],
  ];
  for (const [name, given, message] of rejected) {
    it(name, () => assert.throws(() => parseAuditFlags(flags(given)), new UsageError(message)));
  }
});
