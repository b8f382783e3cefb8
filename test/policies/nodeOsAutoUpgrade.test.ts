import * as assert from "assert";
import { nodeOsAutoUpgrade } from "../../policypack/policies";
import { AKS, exemptHint, messagesOf } from "./support/clusterRules";
import {
  CLASSIC_CLUSTER,
  NATIVE_CLUSTER,
  NATIVE_MAINTENANCE,
  NATIVE_MAINTENANCE_V20240901,
  compliantClassicClusterProps,
  compliantNativeClusterInputs,
  compliantNativeClusterOutputs,
  nativeMaintenanceInputs,
  nativeMaintenanceOutputs,
  resource,
} from "./support/resources";
import { UNKNOWN_NUMBER, UNKNOWN_STRING } from "./support/wire";

const RULE = '"Enable and Configure Node OS Auto-Upgrades"';
const HINT = exemptHint("node-os-auto-upgrade-exempt");
const channelFix = (field: string) =>
  `set ${field} to "NodeImage" (the AksCluster component's default) or "SecurityPatch", or for a cluster that ` +
  `exists run az aks update --resource-group rg-aks --name aks-prod --node-os-upgrade-channel NodeImage${HINT}`;
const WINDOW_CLI =
  "az aks maintenanceconfiguration add --resource-group rg-aks --cluster-name aks-prod --name " +
  "aksManagedNodeOSUpgradeSchedule --schedule-type Weekly --day-of-week Sunday --interval-weeks 1 --start-time " +
  "00:00 --duration 4";
const NATIVE_WINDOW_FIX =
  "declare a MaintenanceConfiguration named aksManagedNodeOSUpgradeSchedule for it whose " +
  "maintenanceWindow.durationHours is whole hours from 4 to 24 (the AksCluster component's nodeOsMaintenanceWindow does), or " +
  `for a cluster that exists run ${WINDOW_CLI}${HINT}`;
const NO_WINDOW =
  `${AKS} has no aksManagedNodeOSUpgradeSchedule maintenance configuration, so node OS upgrades may start at any ` +
  `time. This fails the Cloud Conformity rule ${RULE}: ${NATIVE_WINDOW_FIX}`;

const check = (resources: Parameters<typeof messagesOf>[1], config: object = {}) =>
  messagesOf(nodeOsAutoUpgrade, resources, config);
const WINDOW = { requireMaintenanceWindow: true };
const nativeCluster = (props: object = compliantNativeClusterInputs()) =>
  resource(NATIVE_CLUSTER, "aks", props);
const scheduleOf = (
  cluster: ReturnType<typeof nativeCluster>,
  props: object = nativeMaintenanceInputs(),
  type = NATIVE_MAINTENANCE,
) => resource(type, "aks-node-os", props, { propertyDependencies: { resourceName: [cluster] } });

describe("aks-node-os-auto-upgrade", () => {
  it("is advisory by default", () => assert.strictEqual(nodeOsAutoUpgrade.enforcementLevel, "advisory"));

  it("passes NodeImage and SecurityPatch (any case), and the cluster channel node-image", async () => {
    for (const autoUpgradeProfile of [
      { nodeOSUpgradeChannel: "NodeImage" },
      { nodeOSUpgradeChannel: "securitypatch" },
      { nodeOSUpgradeChannel: "None", upgradeChannel: "node-image" },
    ]) {
      assert.deepStrictEqual(
        await check([nativeCluster(compliantNativeClusterInputs({ autoUpgradeProfile }))]),
        [],
      );
    }
    assert.deepStrictEqual(await check([nativeCluster(compliantNativeClusterOutputs())]), []);
  });

  it("flags a missing channel, None and Unmanaged", async () => {
    const field = "autoUpgradeProfile.nodeOSUpgradeChannel";
    assert.deepStrictEqual(
      await check([nativeCluster(compliantNativeClusterInputs({ autoUpgradeProfile: undefined }))]),
      [
        `${AKS} sets no ${field}, so its nodes' OS is not updated automatically. This fails the Cloud Conformity rule ${RULE}: ${channelFix(field)}`,
      ],
    );
    for (const channel of ["None", "Unmanaged"]) {
      const cluster = nativeCluster(
        compliantNativeClusterInputs({ autoUpgradeProfile: { nodeOSUpgradeChannel: channel } }),
      );
      assert.deepStrictEqual(await check([cluster]), [
        `${AKS} has ${field} "${channel}", which does not keep its nodes' OS patched. This fails the Cloud ` +
          `Conformity rule ${RULE}: ${channelFix(field)}`,
      ]);
    }
  });

  it("gives no verdict while the channel is unknown in preview", async () => {
    const cluster = nativeCluster(
      compliantNativeClusterInputs({ autoUpgradeProfile: { nodeOSUpgradeChannel: UNKNOWN_STRING } }),
    );
    assert.deepStrictEqual(await check([cluster], WINDOW), [NO_WINDOW]);
  });

  it("reads the classic provider's nodeOsUpgradeChannel, and 5.x's nodeOsChannelUpgrade", async () => {
    assert.deepStrictEqual(
      await check([resource(CLASSIC_CLUSTER, "aks", compliantClassicClusterProps())]),
      [],
    );
    const old = compliantClassicClusterProps({
      nodeOsUpgradeChannel: undefined,
      nodeOsChannelUpgrade: "Unmanaged",
    });
    assert.deepStrictEqual(await check([resource(CLASSIC_CLUSTER, "aks", old)]), [
      `${AKS} has nodeOsChannelUpgrade "Unmanaged", which does not keep its nodes' OS patched. This fails the ` +
        `Cloud Conformity rule ${RULE}: ${channelFix("nodeOsChannelUpgrade")}`,
    ]);
  });

  it("names the classic field of the provider version the cluster uses when the channel is missing", async () => {
    const classicProvider = (version: string) => ({
      provider: { type: "pulumi:providers:azure", name: "default", props: { version } },
    });
    const missing = compliantClassicClusterProps({ nodeOsUpgradeChannel: undefined });
    const flagged = (field: string) => [
      `${AKS} sets no ${field}, so its nodes' OS is not updated automatically. This fails the Cloud Conformity ` +
        `rule ${RULE}: ${channelFix(field)}`,
    ];
    assert.deepStrictEqual(
      await check([resource(CLASSIC_CLUSTER, "aks", missing, classicProvider("5.89.0"))]),
      flagged("nodeOsChannelUpgrade"),
    );
    assert.deepStrictEqual(
      await check([resource(CLASSIC_CLUSTER, "aks", missing, classicProvider("6.21.0"))]),
      flagged("nodeOsUpgradeChannel"),
    );
    assert.deepStrictEqual(
      await check([resource(CLASSIC_CLUSTER, "aks", missing)]),
      flagged("nodeOsUpgradeChannel"),
    );
    // Without the provider's version, a field only 5.x has tells the version.
    const old = compliantClassicClusterProps({
      nodeOsUpgradeChannel: undefined,
      automaticChannelUpgrade: "patch",
    });
    assert.deepStrictEqual(
      await check([resource(CLASSIC_CLUSTER, "aks", old)]),
      flagged("nodeOsChannelUpgrade"),
    );
  });

  describe("requireMaintenanceWindow", () => {
    it("does not ask for a window unless configured", async () => {
      assert.deepStrictEqual(await check([nativeCluster()]), []);
      assert.deepStrictEqual(await check([nativeCluster()], WINDOW), [NO_WINDOW]);
    });

    it("passes a linked aksManagedNodeOSUpgradeSchedule of 4 hours, in preview and after an update", async () => {
      for (const type of [NATIVE_MAINTENANCE, NATIVE_MAINTENANCE_V20240901]) {
        const cluster = nativeCluster();
        assert.deepStrictEqual(
          await check([cluster, scheduleOf(cluster, nativeMaintenanceInputs(), type)], WINDOW),
          [],
        );
      }
      const existing = nativeCluster(compliantNativeClusterOutputs());
      const bare = resource(NATIVE_MAINTENANCE, "aks-node-os", {
        ...nativeMaintenanceOutputs(),
        __inputs: undefined,
      });
      assert.deepStrictEqual(await check([existing, bare], WINDOW), [], "linked by its own id");
    });

    it("flags a window shorter than 4 hours, longer than 24 or fractional, and ignores other configurations", async () => {
      const cluster = nativeCluster();
      for (const durationHours of [3, 100, 4.5]) {
        const bad = nativeMaintenanceInputs({
          maintenanceWindow: { durationHours, startTime: "00:00", schedule: { daily: { intervalDays: 1 } } },
        });
        assert.deepStrictEqual(await check([cluster, scheduleOf(cluster, bad)], WINDOW), [
          `${AKS} has a node OS maintenance window whose maintenanceWindow.durationHours is ${durationHours}, not ` +
            `whole hours from 4 to 24. This fails the Cloud Conformity rule ${RULE}: ${NATIVE_WINDOW_FIX}`,
        ]);
      }
      const other = scheduleOf(
        cluster,
        nativeMaintenanceInputs({ configName: "aksManagedAutoUpgradeSchedule" }),
      );
      assert.deepStrictEqual(await check([cluster, other], WINDOW), [NO_WINDOW]);
    });

    it("gives no verdict while a configuration's name, cluster or duration is unknown", async () => {
      const cluster = nativeCluster();
      const unknownName = scheduleOf(cluster, nativeMaintenanceInputs({ configName: UNKNOWN_STRING }));
      const unknownDuration = scheduleOf(
        cluster,
        nativeMaintenanceInputs({
          maintenanceWindow: {
            durationHours: UNKNOWN_NUMBER as unknown as number,
            startTime: "00:00",
            schedule: {},
          },
        }),
      );
      const maybeOurs = resource(
        NATIVE_MAINTENANCE,
        "m",
        nativeMaintenanceInputs({ resourceName: UNKNOWN_STRING }),
      );
      for (const schedule of [unknownName, unknownDuration, maybeOurs]) {
        assert.deepStrictEqual(await check([cluster, schedule], WINDOW), [], schedule.name);
      }
    });

    it("reads the classic provider's inline maintenanceWindowNodeOs", async () => {
      const classic = (duration: number) =>
        resource(
          CLASSIC_CLUSTER,
          "aks",
          compliantClassicClusterProps({
            maintenanceWindowNodeOs: { frequency: "Weekly", interval: 1, duration },
          }),
        );
      assert.deepStrictEqual(await check([classic(4)], WINDOW), []);
      assert.deepStrictEqual(await check([classic(2)], WINDOW), [
        `${AKS} has a node OS maintenance window whose maintenanceWindowNodeOs.duration is 2, not whole hours ` +
          `from 4 to 24. This fails the Cloud Conformity rule ${RULE}: declare maintenanceWindowNodeOs with a ` +
          `duration of whole hours from 4 to 24, or for a cluster that exists run ${WINDOW_CLI}${HINT}`,
      ]);
    });
  });
});
