import type { NodePoolArgs } from "../../components";
import { FourFormCase, fourFormTests } from "./support/validationRelatedRules";

const POOL = "azure-native:containerservice:AgentPool";
const TAINT_FORM = '"key=value:Effect" with Effect NoSchedule, PreferNoSchedule or NoExecute';

/** A case about one pool: `pool(replace)` gives that pool's args with the value in question replaced. */
function poolCase(
  c: Omit<FourFormCase, "args" | "type" | "resource"> & {
    key: string;
    pool: (replace: (value: unknown) => unknown) => NodePoolArgs;
  },
): FourFormCase {
  return {
    ...c,
    type: POOL,
    resource: `prod-${c.key}`,
    args: (replace) => ({ nodePools: { [c.key]: c.pool(replace) } }),
  };
}

const linuxName = "use 1-12 lowercase letters or digits, starting with a letter.";
const cases: FourFormCase[] = [
  poolCase({
    name: "rejects a Linux pool key with capital letters",
    key: "Apps",
    pool: (r) => ({ osType: r("Linux") as "Linux" }),
    input: "agentPoolName",
    message: `nodePools key "Apps" is not a valid Linux node pool name (the key is the pool's Azure name): ${linuxName}`,
  }),
  poolCase({
    name: "rejects a Linux pool key longer than 12 characters",
    key: "applications1",
    pool: (r) => ({ osType: r("Linux") as "Linux" }),
    input: "agentPoolName",
    message:
      `nodePools key "applications1" is not a valid Linux node pool name (the key is the pool's Azure name): ` +
      linuxName,
  }),
  poolCase({
    name: "rejects a Windows pool key longer than 6 characters",
    key: "winpool",
    pool: (r) => ({ osType: r("Windows") as "Windows" }),
    input: "agentPoolName",
    message:
      'nodePools key "winpool" is not a valid Windows node pool name (the key is the pool\'s Azure name): use ' +
      "1-6 lowercase letters or digits, starting with a letter.",
  }),
  poolCase({
    name: "rejects a pool key that is the system pool's name",
    key: "system",
    pool: (r) => ({ osType: r("Linux") as "Linux" }),
    input: "agentPoolName",
    message:
      'nodePools key "system" is the system node pool\'s name: pool names are unique per cluster, so choose ' +
      "another key.",
  }),
  poolCase({
    name: "rejects an OS type other than Linux or Windows (from JavaScript)",
    key: "apps",
    pool: (r) => ({ osType: r("Mac") as "Linux" }),
    input: "agentPoolName",
    message: 'nodePools["apps"].osType "Mac" is not an OS type: use "Linux" or "Windows".',
  }),
  poolCase({
    name: "rejects a count beside enableAutoScaling",
    key: "apps",
    pool: (r) => ({ count: r(3) as number, enableAutoScaling: true, minCount: 1, maxCount: 3 }),
    input: "count",
    message:
      'nodePools["apps"].count 3 conflicts with enableAutoScaling: give count for a pool of fixed size, or ' +
      "enableAutoScaling with minCount and maxCount, not both.",
  }),
  poolCase({
    name: "rejects enableAutoScaling without maxCount",
    key: "apps",
    pool: (r) => ({ enableAutoScaling: r(true) as boolean, minCount: 1 }),
    input: "count",
    message:
      'nodePools["apps"].maxCount is missing: enableAutoScaling needs minCount and maxCount, whole numbers from 0 ' +
      "to 1000.",
  }),
  poolCase({
    name: "rejects a minCount greater than maxCount",
    key: "apps",
    pool: (r) => ({ enableAutoScaling: true, minCount: r(5) as number, maxCount: 2 }),
    input: "count",
    message: 'nodePools["apps"].minCount 5 is greater than maxCount 2: give minCount <= maxCount.',
  }),
  poolCase({
    name: "rejects a minCount without enableAutoScaling",
    key: "apps",
    pool: (r) => ({ minCount: r(1) as number }),
    input: "count",
    message:
      'nodePools["apps"].minCount 1 is given without enableAutoScaling: set enableAutoScaling to true, or give ' +
      "count alone.",
  }),
  poolCase({
    name: "rejects a negative count",
    key: "apps",
    pool: (r) => ({ count: r(-1) as number }),
    input: "count",
    message: 'nodePools["apps"].count -1 is not a node count: give whole numbers from 0 to 1000.',
  }),
  poolCase({
    name: "rejects a maxCount above 1000",
    key: "apps",
    pool: (r) => ({ enableAutoScaling: true, minCount: 1, maxCount: r(1001) as number }),
    input: "count",
    message: 'nodePools["apps"].maxCount 1001 is not a node count: give whole numbers from 0 to 1000.',
  }),
  poolCase({
    name: "rejects a taint without its effect",
    key: "apps",
    pool: (r) => ({ nodeTaints: r(["sku=gpu"]) as string[] }),
    input: "nodeTaints",
    message: `nodePools["apps"].nodeTaints[0] "sku=gpu" is not a taint: write ${TAINT_FORM}.`,
  }),
  poolCase({
    name: "rejects a taint with an effect Kubernetes does not have",
    key: "apps",
    pool: (r) => ({ nodeTaints: r(["sku=gpu:NoSchedule", "team=ml:NoRun"]) as string[] }),
    input: "nodeTaints",
    message: `nodePools["apps"].nodeTaints[1] "team=ml:NoRun" is not a taint: write ${TAINT_FORM}.`,
  }),
];

describe("AksCluster argument checks: nodePools", () => {
  fourFormTests(cases);
});
