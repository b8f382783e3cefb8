/**
 * The floor of the plugin's `Construct` (issue 16): one warm plugin process serving both `AksCluster` and
 * {@link FloorCluster} (a component with no logic that registers the same resources with the same options), the
 * two Constructs side by side, round by round. Before timing, one Construct of each must have registered the same
 * resources (types, names, inputs, options), so that the ratio compares our code with the SDK's remote path alone.
 */
import * as assert from "assert";
import * as path from "path";
import { ConstructCall, construct } from "../../test/plugin/support/construct";
import { PluginProcess, startPlugin } from "../../test/plugin/support/pluginProcess";
import { MonitorEndpoint, Registration } from "../../test/plugin/support/resourceMonitor";
import { processCpuMs } from "../processCpu";
import { Comparison, Rounds, compare, runSideBySide, series, timeMs } from "../measure";

export interface FloorFigures {
  /** AksCluster's Construct (subject) against the floor's (baseline), wall and CPU (plugin's plus this process's). */
  readonly wallMs: Comparison;
  readonly cpuMs: Comparison;
}

export async function benchConstructFloor(options: {
  rounds: Rounds;
  cwd: string;
  engineAddress: string;
  monitor: MonitorEndpoint;
  ours: ConstructCall;
  nodeArgs: readonly string[];
}): Promise<FloorFigures> {
  const plugin = await startPlugin({
    cwd: options.cwd,
    engineAddress: options.engineAddress,
    runner: path.join(__dirname, "floorHost.js"),
    nodeArgs: options.nodeArgs,
  });
  try {
    const floor: ConstructCall = { ...options.ours, component: "FloorCluster" };
    const ours = await construct(plugin, options.monitor, options.ours);
    const bare = await construct(plugin, options.monitor, floor);
    assert.deepStrictEqual(
      children(bare.registrations),
      children(ours.registrations),
      "the floor component must register what AksCluster registers",
    );
    const timed = (call: ConstructCall) => async () => {
      const cpuBefore = cpuOf(plugin);
      const wallMs = await timeMs(() => construct(plugin, options.monitor, call));
      return { wallMs, cpuMs: cpuOf(plugin) - cpuBefore };
    };
    const samples = await runSideBySide(options.rounds, { ours: timed(options.ours), floor: timed(floor) });
    return {
      wallMs: compare(series(samples.ours, "wallMs"), series(samples.floor, "wallMs")),
      cpuMs: compare(series(samples.ours, "cpuMs"), series(samples.floor, "cpuMs")),
    };
  } finally {
    plugin.client.close();
    await plugin.stop();
  }
}

/** The component's children, by name, less what names the component's own type (their URNs and parent). */
function children(registrations: readonly Registration[]) {
  return registrations
    .filter((r) => r.custom)
    .map(comparable)
    .sort((a, b) => a.name.localeCompare(b.name));
}

function comparable(r: Registration) {
  return {
    type: r.type,
    name: r.name,
    custom: r.custom,
    inputs: r.inputs,
    replaceOnChanges: r.replaceOnChanges,
    deleteBeforeReplace: r.deleteBeforeReplace,
    protect: r.protect,
    provider: r.provider,
  };
}

function cpuOf(plugin: PluginProcess): number {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1000 + processCpuMs(plugin.pid);
}
