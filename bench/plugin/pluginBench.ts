/**
 * The plugin package (issue 9): how long a fresh plugin takes to print its port and answer its first GetSchema
 * (every `pulumi package add` and every preview starts one), against Pulumi's stock component host, which infers
 * the schema from the TypeScript sources at that first call; and one Construct of an AksCluster with 3 bindings
 * over the provider protocol in a warm plugin, against the same component under Pulumi's mocks in this process.
 *
 * Fair both ways: the Construct side is a plugin that has served the warm-up rounds (as the mocks side has run
 * them), started with this process's heap settings (`npm run bench` enlarges the young generation, which spares
 * the mocks side most of its garbage collection); its CPU time is the plugin's plus this process's, which holds
 * the monitor and the engine, as the mocks side's holds the mocks.
 */
import * as path from "path";
import { GetSchemaRequest, GetSchemaResponse } from "@pulumi/pulumi/proto/provider_pb";
import { startEngineService } from "../../cli/packHost/engineService";
import { AksCluster } from "../../components";
import { construct } from "../../test/plugin/support/construct";
import { ensureBuilt } from "../../test/support/builtPackage";
import { PluginProcess, call, consumerFolder, startPlugin } from "../../test/plugin/support/pluginProcess";
import { startResourceMonitor } from "../../test/plugin/support/resourceMonitor";
import { bindingSpecs } from "../component/programs";
import { runUnderMocks } from "../component/mockRuntime";
import { FloorFigures, benchConstructFloor } from "./floorBench";
import { processCpuMs } from "../processCpu";
import { Comparison, Rounds, Timing, compare, runSideBySide, series, timeMs, timing } from "../measure";

export interface PluginBenchOptions {
  readonly rounds: Rounds;
  readonly log: (line: string) => void;
}

export interface PluginFigures {
  /** The package's own host (the schema built into dist/), a fresh process each round. */
  readonly plugin: {
    readonly toPortMs: Timing;
    readonly firstSchemaMs: Timing;
    readonly firstConstructMs: Timing;
  };
  /** Pulumi's stock `componentProviderHost` on the same package, a fresh process each round. */
  readonly stockHost: { readonly toPortMs: Timing; readonly firstSchemaMs: Timing };
  /**
   * A Construct of one AksCluster with 3 bindings in a warm plugin (one process for all rounds), against the same
   * under mocks in this process: wall time, and CPU time (the plugin's and this process's, which holds the monitor
   * and the engine, against this process's).
   */
  readonly construct: { readonly wallMs: Comparison; readonly cpuMs: Comparison };
  /** The same Construct against a component with no logic registering the same resources, in one warm plugin. */
  readonly floor: FloorFigures;
}

const CLUSTER_ARGS = {
  resourceGroupName: "rg-bench",
  location: "westeurope",
  clusterName: "aks-bench-0",
  trustedAccess: bindingSpecs(0),
};

interface StartPhases {
  readonly toPortMs: number;
  readonly firstSchemaMs: number;
}

const getSchema = (plugin: PluginProcess) =>
  call<GetSchemaRequest, GetSchemaResponse>(
    plugin.client.getSchema.bind(plugin.client),
    new GetSchemaRequest(),
  );

export async function benchPlugin(options: PluginBenchOptions): Promise<PluginFigures> {
  ensureBuilt();
  const engine = await startEngineService(() => undefined);
  const monitor = await startResourceMonitor();
  const cwd = consumerFolder();
  const constructCall = {
    component: "AksCluster",
    name: "aks-0",
    dryRun: false,
    inputs: CLUSTER_ARGS,
  };

  /** Starts a plugin, times its port and first GetSchema, then runs `more` on it and stops it. */
  const fresh = async <T>(start: () => Promise<PluginProcess>, more: (p: PluginProcess) => Promise<T>) => {
    const plugin = await start();
    try {
      const firstSchemaMs = await timeMs(() => getSchema(plugin));
      return { toPortMs: plugin.msToPort, firstSchemaMs, ...(await more(plugin)) };
    } finally {
      plugin.client.close();
      await plugin.stop();
    }
  };

  const ours: (StartPhases & { firstConstructMs: number })[] = [];
  const stock: StartPhases[] = [];
  let warm: PluginProcess | undefined;
  try {
    options.log("plugin: a fresh plugin against the stock host");
    await runSideBySide(options.rounds, {
      plugin: async () => {
        ours.push(
          await fresh(
            () => startPlugin({ cwd, engineAddress: engine.address }),
            async (plugin) => ({
              firstConstructMs: await timeMs(() => construct(plugin, monitor, constructCall)),
            }),
          ),
        );
        return {};
      },
      stock: async () => {
        stock.push(
          await fresh(
            () => startStockHost(cwd, engine.address),
            async () => ({}),
          ),
        );
        return {};
      },
    });
    options.log("plugin: Construct in a warm plugin against mocks");
    warm = await startPlugin({ cwd, engineAddress: engine.address, nodeArgs: heapSettings() });
    const plugin = warm;
    const samples = await runSideBySide(options.rounds, {
      plugin: async () => {
        const cpuBefore = cpuOf(plugin.pid);
        const wallMs = await timeMs(() => construct(plugin, monitor, constructCall));
        return { wallMs, cpuMs: cpuOf(plugin.pid) - cpuBefore };
      },
      mocks: async () => {
        const cpuBefore = cpuOf();
        const wallMs = await timeMs(() => runUnderMocks(() => void new AksCluster("aks-0", CLUSTER_ARGS)));
        return { wallMs, cpuMs: cpuOf() - cpuBefore };
      },
    });
    options.log("plugin: Construct against the floor (no logic, same resources) in one warm plugin");
    const floor = await benchConstructFloor({
      rounds: options.rounds,
      cwd,
      engineAddress: engine.address,
      monitor,
      ours: constructCall,
      nodeArgs: heapSettings(),
    });
    const measured = <T>(all: T[]) => all.slice(options.rounds.warmups);
    const of = <T>(all: T[], key: keyof T) => timing(measured(all).map((p) => p[key] as number));
    return {
      plugin: {
        toPortMs: of(ours, "toPortMs"),
        firstSchemaMs: of(ours, "firstSchemaMs"),
        firstConstructMs: of(ours, "firstConstructMs"),
      },
      stockHost: { toPortMs: of(stock, "toPortMs"), firstSchemaMs: of(stock, "firstSchemaMs") },
      construct: {
        wallMs: compare(series(samples.plugin, "wallMs"), series(samples.mocks, "wallMs")),
        cpuMs: compare(series(samples.plugin, "cpuMs"), series(samples.mocks, "cpuMs")),
      },
      floor,
    };
  } finally {
    warm?.client.close();
    await warm?.stop();
    monitor.stop();
    await engine.stop();
  }
}

/** This process's V8 heap options (`npm run bench` sets them), for a plugin that is to collect garbage alike. */
function heapSettings(): string[] {
  return process.execArgv.filter((arg) => /^--max-(semi|old)-space-size=/.test(arg));
}

/** CPU milliseconds of this process, plus those of the process `pid` when given. */
function cpuOf(pid?: number): number {
  const own = process.cpuUsage();
  return (own.user + own.system) / 1000 + (pid === undefined ? 0 : processCpuMs(pid));
}

function startStockHost(cwd: string, engineAddress: string): Promise<PluginProcess> {
  return startPlugin({ cwd, engineAddress, runner: path.join(__dirname, "stockHost.js") });
}
