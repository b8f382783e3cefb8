/**
 * Item 1 of the benchmark: what the aks-trusted-access pack costs per Analyzer call, against a pack with no
 * policies started the same way (the floor: process, gRPC, decoding the request). A third pack, the same policies
 * with empty bodies, splits the difference into what the policy SDK costs and what our policy code costs.
 */
import * as path from "path";
import { PackSession, StackSettings, startPolicyPack } from "../../cli/packHost";
import { Rounds, Sample, Timing, compare, runSideBySide, series, timeMs, timing } from "../measure";
import { processCpuMs } from "../processCpu";
import { peakMemoryMiB } from "../processMemory";
import { checkPacks } from "./packSanity";
import { EncodedRequest, RawAnalyzer, encodeAnalyze, encodeAnalyzeStack } from "./rawAnalyzer";
import { BENCH_STACK, syntheticStack } from "./syntheticStack";

/** The packs compared: ours, ours with empty policy bodies, and one without policies. */
export const PACKS = {
  pack: path.resolve(__dirname, "../../policypack"),
  noop: path.resolve(__dirname, "../noopPack"),
  empty: path.resolve(__dirname, "../emptyPack"),
} as const;
export type PackName = keyof typeof PACKS;
const PACK_NAMES = Object.keys(PACKS) as PackName[];

export interface PackBenchOptions {
  /** Stack sizes, in clusters (3 bindings each), measured in ascending order. */
  readonly sizes: readonly number[];
  readonly rounds: Rounds;
  /**
   * Analyze sees one resource at a time, so its cost per call does not depend on the stack's size: at most the
   * resources of this many clusters are sent each round.
   */
  readonly analyzeClusters: number;
  readonly log: (line: string) => void;
}

type Metric = "wallMs" | "cpuMs";
/** Per metric: the wall clock, and the CPU time the pack process used (user + system, all threads). */
export type PerMetric<T> = Readonly<Record<Metric, T>>;

/** One kind of call at one stack size: the median per call for each pack, and the ratios between them. */
export interface CallFigures {
  /** Calls per round (small stacks are sent several times, so that a round is long enough to time). */
  readonly callsPerRound: number;
  /** Milliseconds per call. */
  readonly perCall: Readonly<Record<PackName, PerMetric<Timing>>>;
  /** Ours against the floor: the target. */
  readonly packVsEmpty: PerMetric<number>;
  /** The policy SDK's share, which is not ours: the same policies doing nothing against the floor. */
  readonly noopVsEmpty: PerMetric<number>;
  /** Our policy code's share: ours against the same policies doing nothing. */
  readonly packVsNoop: PerMetric<number>;
}

export interface PackSizeFigures {
  readonly clusters: number;
  /** Wall seconds this size took in all: encoding, warm-ups and the measured rounds of the three packs. */
  readonly seconds: number;
  readonly resources: number;
  /** Size of the encoded AnalyzeStack request. */
  readonly requestMiB: number;
  readonly analyzeStack: CallFigures;
  /** Analyze, each resource of a sample (see `analyzeClusters`) once, one after the other. */
  readonly analyze: CallFigures;
  /** Peak resident memory of each pack process so far (VmHWM), in MiB; sizes run in ascending order. */
  readonly peakMemoryMiB: Readonly<Record<PackName, number | null>>;
}

/** How AnalyzeStack's time per call grows from one stack size to the next: linear growth is `linear`. */
export interface Growth {
  readonly from: number;
  readonly to: number;
  readonly linear: number;
  readonly byPack: Readonly<Record<PackName, PerMetric<number>>>;
}

export interface PackFigures {
  /** Milliseconds each pack took to start (one start each: compile, load, first port), for context. */
  readonly startMs: Readonly<Record<PackName, number>>;
  readonly sizes: readonly PackSizeFigures[];
  /** From the second largest size to the largest. */
  readonly growth: Growth | null;
}

/** Each round sends at least this many resources, so that its CPU time is well above the 10 ms resolution. */
const RESOURCES_PER_ROUND = 4000;

interface RunningPack {
  readonly session: PackSession;
  readonly analyzer: RawAnalyzer;
  readonly startMs: number;
}

export async function benchPack(options: PackBenchOptions): Promise<PackFigures> {
  const sizes = [...options.sizes].sort((a, b) => a - b);
  const stack: StackSettings = { ...BENCH_STACK, dryRun: true };
  const starts = await Promise.allSettled(PACK_NAMES.map((name) => startTimed(PACKS[name], stack)));
  try {
    const started = starts.map(startedOrThrow);
    const packs = Object.fromEntries(PACK_NAMES.map((name, i) => [name, started[i]])) as Record<
      PackName,
      RunningPack
    >;
    options.log(
      `pack: started in ${PACK_NAMES.map((n) => `${Math.round(packs[n].startMs)} ms (${n})`).join(", ")}`,
    );
    await checkPacks(packs.pack.session, packs.noop.session, packs.empty.session);
    const figures: PackSizeFigures[] = [];
    for (const clusters of sizes) figures.push(await benchSize(clusters, options, packs));
    return {
      startMs: perPack((name) => packs[name].startMs),
      sizes: figures,
      growth: growthOf(figures),
    };
  } finally {
    await Promise.all(
      starts.map(async (s) => {
        if (s.status !== "fulfilled") return;
        s.value.analyzer.close();
        await s.value.session.close();
      }),
    );
  }
}

async function startTimed(dir: string, stack: StackSettings): Promise<RunningPack> {
  const start = process.hrtime.bigint();
  const session = await startPolicyPack(dir, { stack });
  const startMs = Number(process.hrtime.bigint() - start) / 1e6;
  try {
    return { session, analyzer: new RawAnalyzer(session.port), startMs };
  } catch (err) {
    await session.close();
    throw err;
  }
}

function startedOrThrow(start: PromiseSettledResult<RunningPack>): RunningPack {
  if (start.status === "rejected") throw start.reason;
  return start.value;
}

function perPack<T>(value: (name: PackName) => T): Record<PackName, T> {
  return Object.fromEntries(PACK_NAMES.map((name) => [name, value(name)])) as Record<PackName, T>;
}

async function benchSize(
  clusters: number,
  options: PackBenchOptions,
  packs: Readonly<Record<PackName, RunningPack>>,
): Promise<PackSizeFigures> {
  const started = Date.now();
  const stack = syntheticStack(clusters);
  const stackRequest = encodeAnalyzeStack(stack.resources);
  const stackCalls = Math.ceil(RESOURCES_PER_ROUND / stack.resources.length);
  const stackRequests = Array.from({ length: stackCalls }, () => stackRequest);
  const sample = syntheticStack(Math.min(clusters, options.analyzeClusters)).resources.map(encodeAnalyze);

  options.log(
    `pack: ${clusters} clusters (${stack.resources.length} resources): AnalyzeStack x ${stackCalls}`,
  );
  const analyzeStack = await callFigures(options.rounds, stackRequests, (name) => {
    const send = (r: EncodedRequest): Promise<number> => packs[name].analyzer.analyzeStack(r);
    return () => timeCalls(packs[name].session.pid, stackRequests, send, expectNone);
  });
  options.log(`pack: ${clusters} clusters: Analyze x ${sample.length}`);
  const analyze = await callFigures(options.rounds, sample, (name) => {
    const send = (r: EncodedRequest): Promise<number> => packs[name].analyzer.analyze(r);
    const check = sameEveryRound(name);
    return () => timeCalls(packs[name].session.pid, sample, send, check);
  });
  return {
    clusters,
    seconds: Math.round((Date.now() - started) / 1000),
    resources: stack.resources.length,
    requestMiB: stackRequest.length / (1024 * 1024),
    analyzeStack,
    analyze,
    peakMemoryMiB: perPack((name) => peakMemoryMiB(packs[name].session.pid) ?? null),
  };
}

async function callFigures(
  rounds: Rounds,
  requests: readonly EncodedRequest[],
  side: (name: PackName) => () => Promise<Sample<Metric>>,
): Promise<CallFigures> {
  const samples = await runSideBySide(rounds, perPack(side));
  const ratio = (subject: PackName, baseline: PackName): PerMetric<number> => ({
    wallMs: compare(series(samples[subject], "wallMs"), series(samples[baseline], "wallMs")).ratio,
    cpuMs: compare(series(samples[subject], "cpuMs"), series(samples[baseline], "cpuMs")).ratio,
  });
  return {
    callsPerRound: requests.length,
    perCall: perPack((name) => ({
      wallMs: timing(series(samples[name], "wallMs")),
      cpuMs: timing(series(samples[name], "cpuMs")),
    })),
    packVsEmpty: ratio("pack", "empty"),
    noopVsEmpty: ratio("noop", "empty"),
    packVsNoop: ratio("pack", "noop"),
  };
}

/**
 * Sends the requests one after the other, as the engine does, and returns the wall and pack CPU time per call.
 * `check` sees the diagnostics of each round: a round that got other answers than expected did other work.
 */
async function timeCalls(
  pid: number,
  requests: readonly EncodedRequest[],
  send: (request: EncodedRequest) => Promise<number>,
  check: (diagnostics: number) => void,
): Promise<Sample<Metric>> {
  let diagnostics = 0;
  const cpuBefore = processCpuMs(pid);
  const wallMs = await timeMs(async () => {
    for (const request of requests) diagnostics += await send(request);
  });
  const cpuMs = processCpuMs(pid) - cpuBefore;
  check(diagnostics);
  return { wallMs: wallMs / requests.length, cpuMs: cpuMs / requests.length };
}

/** The synthetic stack is compliant: a stack policy's diagnostic means the pack misread it. */
function expectNone(diagnostics: number): void {
  if (diagnostics !== 0) {
    throw new Error(
      `AnalyzeStack of the compliant synthetic stack gave ${diagnostics} diagnostics, expected 0`,
    );
  }
}

/** Analyze flags the powerful ML role (an advisory): every round must get the same number of diagnostics. */
function sameEveryRound(pack: PackName): (diagnostics: number) => void {
  let first: number | undefined;
  return (diagnostics) => {
    first ??= diagnostics;
    if (diagnostics !== first) {
      throw new Error(
        `Analyze to the ${pack} pack gave ${diagnostics} diagnostics in one round, ${first} in another`,
      );
    }
  };
}

function growthOf(figures: readonly PackSizeFigures[]): Growth | null {
  if (figures.length < 2) return null;
  const [from, to] = figures.slice(-2);
  const grown = (name: PackName, metric: Metric): number =>
    to.analyzeStack.perCall[name][metric].medianMs / from.analyzeStack.perCall[name][metric].medianMs;
  return {
    from: from.clusters,
    to: to.clusters,
    linear: to.clusters / from.clusters,
    byPack: perPack((name) => ({ wallMs: grown(name, "wallMs"), cpuMs: grown(name, "cpuMs") })),
  };
}
