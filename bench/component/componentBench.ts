/**
 * Item 2 of the benchmark: what the AksCluster component costs over registering the same azure-native resources
 * by hand, both run under Pulumi's mocks in this process.
 */
import * as assert from "assert";
import { Comparison, Rounds, Sample, compare, runSideBySide, series, timeMs } from "../measure";
import { MockRun, Registration, runUnderMocks } from "./mockRuntime";
import { componentProgram, directProgram } from "./programs";

export interface ComponentBenchOptions {
  /** Program sizes, in clusters (3 bindings each). */
  readonly sizes: readonly number[];
  readonly rounds: Rounds;
  readonly log: (line: string) => void;
}

export interface ComponentSizeFigures {
  readonly clusters: number;
  /** Resources each program registers, the root Stack included. */
  readonly registered: { readonly component: number; readonly direct: number };
  /** Milliseconds per program run, component against hand-written. */
  readonly wallMs: Comparison;
  /** CPU milliseconds of this process per program run (user + system). */
  readonly cpuMs: Comparison;
}

export interface ComponentFigures {
  readonly sizes: readonly ComponentSizeFigures[];
}

const COMPONENT_TYPE = "aks-trusted-access:index:AksCluster";

export async function benchComponent(options: ComponentBenchOptions): Promise<ComponentFigures> {
  const sizes: ComponentSizeFigures[] = [];
  for (const clusters of options.sizes) {
    options.log(`component: ${clusters} clusters: checking both programs register the same resources`);
    const component = await runUnderMocks(componentProgram(clusters), { record: true });
    const direct = await runUnderMocks(directProgram(clusters), { record: true });
    checkSameResources(component, direct, clusters);
    options.log(`component: ${clusters} clusters: timing`);
    // The checked runs above warm both programs up: they count as the first warm-up round.
    const rounds = { warmups: Math.max(0, options.rounds.warmups - 1), runs: options.rounds.runs };
    const samples = await runSideBySide(rounds, {
      component: () => timeRun(componentProgram(clusters), component.registered),
      direct: () => timeRun(directProgram(clusters), direct.registered),
    });
    sizes.push({
      clusters,
      registered: { component: component.registered, direct: direct.registered },
      wallMs: compare(series(samples.component, "wallMs"), series(samples.direct, "wallMs")),
      cpuMs: compare(series(samples.component, "cpuMs"), series(samples.direct, "cpuMs")),
    });
  }
  return { sizes };
}

/**
 * The comparison is fair only if the hand-written program registers what the component does: the same custom
 * resources with the same inputs. The component adds one resource of its own per cluster, and nothing else.
 */
export function checkSameResources(component: MockRun, direct: MockRun, clusters: number): void {
  const custom = (run: MockRun): Registration[] => run.registrations.filter((r) => r.custom);
  const components = component.registrations.filter((r) => r.type === COMPONENT_TYPE).length;
  try {
    assert.deepStrictEqual(custom(component), custom(direct));
    assert.strictEqual(components, clusters);
    assert.strictEqual(component.registered, direct.registered + clusters);
  } catch (err) {
    throw new Error(
      `the hand-written program does not register what ${clusters} AksClusters do, so timing them side by ` +
        `side would compare different work (update bench/component/programs.ts):\n${(err as Error).message}`,
    );
  }
}

/** One run of a program: wall and CPU time, and a check that it registered what it did when it was checked. */
async function timeRun(program: () => void, expected: number): Promise<Sample<"wallMs" | "cpuMs">> {
  collectGarbage();
  let registered = 0;
  const cpuBefore = process.cpuUsage();
  const wallMs = await timeMs(async () => (registered = (await runUnderMocks(program)).registered));
  const cpu = process.cpuUsage(cpuBefore);
  if (registered !== expected) {
    throw new Error(`a run registered ${registered} resources, the checked run ${expected}`);
  }
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/**
 * Both programs run in this process: without a collection in between, one program's garbage would be collected
 * during the other's run. `npm run bench` starts node with --expose-gc; without it this does nothing.
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
