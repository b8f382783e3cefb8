import { strict as assert } from "node:assert";
import { Application, Enforcement, applicationTo } from "../../cli/audit/enforcement";
import type { LiveCluster } from "../../cli/audit/report";
import { aCluster } from "./support/clusters";

const POLICY = "aks-kms-private-key-vault";

/** One policy at `level`, exempting clusters named aks-legacy or tagged kms-exempt. */
const enforcement = (level: Enforcement["levels"][string]): Enforcement => ({
  levels: { [POLICY]: level },
  exemptions: { [POLICY]: { clusters: ["aks-legacy"], tag: "kms-exempt" } },
  requireMaintenanceWindow: false,
});

const cases: {
  name: string;
  level: Enforcement["levels"][string];
  cluster: LiveCluster;
  expected: Application;
}[] = [
  {
    name: "applies a mandatory policy at level mandatory",
    level: "mandatory",
    cluster: aCluster(),
    expected: { applies: true, level: "mandatory" },
  },
  {
    name: "applies a remediate policy as mandatory, as the pack reports it",
    level: "remediate",
    cluster: aCluster(),
    expected: { applies: true, level: "mandatory" },
  },
  {
    name: "applies an advisory policy at level advisory",
    level: "advisory",
    cluster: aCluster(),
    expected: { applies: true, level: "advisory" },
  },
  {
    name: "does not apply a disabled policy",
    level: "disabled",
    cluster: aCluster(),
    expected: { applies: false },
  },
  {
    name: "exempts a cluster listed in exemptClusters, ignoring case",
    level: "mandatory",
    cluster: aCluster({ name: "AKS-Legacy" }),
    expected: { applies: false, exemption: `${POLICY}: listed in exemptClusters` },
  },
  {
    name: "exempts a cluster carrying the exemption tag, ignoring the key's case, and names the tag and its reason",
    level: "mandatory",
    cluster: aCluster({ tags: { team: "platform", "KMS-Exempt": "Trusted Access first" } }),
    expected: { applies: false, exemption: `${POLICY}: tagged "KMS-Exempt": "Trusted Access first"` },
  },
  {
    name: "exempts a cluster carrying the tag without a value",
    level: "advisory",
    cluster: aCluster({ tags: { "kms-exempt": "" } }),
    expected: { applies: false, exemption: `${POLICY}: tagged "kms-exempt"` },
  },
  {
    name: "does not exempt a cluster tagged for another policy",
    level: "advisory",
    cluster: aCluster({ tags: { "private-cluster-exempt": "yes" } }),
    expected: { applies: true, level: "advisory" },
  },
];

describe("applicationTo: how one policy applies to one live cluster", () => {
  for (const c of cases)
    it(c.name, () => assert.deepEqual(applicationTo(enforcement(c.level), POLICY, c.cluster), c.expected));

  it("refuses a policy the pack does not have, which only a programming error can ask for", () => {
    assert.throws(() => applicationTo(enforcement("advisory"), "aks-typo", aCluster()), {
      name: "RangeError",
      message: "the policy pack has no policy aks-typo",
    });
  });
});
