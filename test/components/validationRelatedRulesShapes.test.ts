import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import type { AksClusterArgs } from "../../components";
import { clusterArgs } from "./support/fixtures";
import { runProgram } from "./support/harness";
import { assertRefusedBeforeChildren } from "./support/validation";
import { PREFIX } from "./support/validationRelatedRules";

// Arguments that decide which resources exist must be plain: these checks run before any child, on plain values only.
const cases: { name: string; change: Record<string, unknown>; message: string }[] = [
  {
    name: "rejects nodePools given as an Output",
    change: { nodePools: pulumi.output({ apps: {} }) },
    message:
      "nodePools is an Output: it must be a plain map, because its keys name the pools; give a map key -> " +
      "{ vmSize?, count?, … }, the key being the pool's name.",
  },
  {
    name: "rejects a node pool that is not an object (from JavaScript)",
    change: { nodePools: { apps: "Standard_D4ds_v5" } },
    message:
      'nodePools["apps"] "Standard_D4ds_v5" is not a node pool: give a map key -> { vmSize?, count?, … }, the key ' +
      "being the pool's name.",
  },
  {
    name: "rejects nodeOsMaintenanceWindow given as an Output",
    change: { nodeOsMaintenanceWindow: pulumi.output({ durationHours: 4 }) },
    message:
      "nodeOsMaintenanceWindow is an Output: it must be a plain object, because it decides whether the window " +
      "exists; give its fields as Outputs instead.",
  },
  {
    name: "rejects nodeOsMaintenanceWindow.enabled given as an Output",
    change: { nodeOsMaintenanceWindow: { enabled: pulumi.output(false) } },
    message:
      "nodeOsMaintenanceWindow.enabled is an Output: it must be a plain true or false, because it decides whether " +
      "the window exists.",
  },
  {
    name: "rejects a nodeOsMaintenanceWindow.enabled that is not a boolean (from JavaScript)",
    change: { nodeOsMaintenanceWindow: { enabled: "no" } },
    message:
      'nodeOsMaintenanceWindow.enabled "no" is not a boolean: give true (the default) or false for no window.',
  },
  {
    name: "rejects a nodeOsMaintenanceWindow that is not an object (from JavaScript)",
    change: { nodeOsMaintenanceWindow: "Sunday" },
    message:
      'nodeOsMaintenanceWindow "Sunday" is not a maintenance window: give { dayOfWeek?, startTime?, ' +
      "durationHours?, utcOffset? }, or { enabled: false } for none.",
  },
];

describe("AksCluster argument checks: the shape of nodePools and nodeOsMaintenanceWindow", () => {
  for (const c of cases) {
    it(`${c.name}, before registering any child`, async () => {
      const args = { ...clusterArgs(), ...c.change } as AksClusterArgs;
      const result = await runProgram(({ AksCluster }) => new AksCluster("prod", args));
      assertRefusedBeforeChildren(result, PREFIX + c.message);
    });
  }

  it("reports every plain error at once, in one message", async () => {
    const args = clusterArgs({
      nodeOsMaintenanceWindow: { durationHours: 2 },
      nodePools: { Apps: {}, batch: { nodeTaints: ["gpu"] } },
    });
    const result = await runProgram(({ AksCluster }) => new AksCluster("prod", args));
    assert.ok(result.thrown instanceof pulumi.ResourceError);
    assert.deepStrictEqual(result.thrown.message.split("\n"), [
      `${PREFIX}nodeOsMaintenanceWindow.durationHours 2 is not a window length Azure accepts: give whole hours from 4 to 24.`,
      `${PREFIX}nodePools key "Apps" is not a valid Linux node pool name (the key is the pool's Azure name): use ` +
        "1-12 lowercase letters or digits, starting with a letter.",
      `${PREFIX}nodePools["batch"].nodeTaints[0] "gpu" is not a taint: write "key=value:Effect" with Effect ` +
        "NoSchedule, PreferNoSchedule or NoExecute.",
    ]);
  });
});
