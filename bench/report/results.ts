/**
 * What `npm run bench` writes to bench/results.json: the figures of each section it ran, and the issue's
 * targets judged against them. Times are milliseconds; ratios are medians of per-round ratios.
 */
import * as os from "os";
import type { AuditBenchmarkResult } from "../audit";
import { AksFigures } from "../check/aksBench";
import { CheckFigures } from "../check/checkBench";
import { ComponentFigures } from "../component/componentBench";
import { Rounds } from "../measure";
import { PackFigures } from "../pack/packBench";
import { PluginFigures } from "../plugin/pluginBench";
import { RealCliFigures } from "../realCli/realCliBench";

export const SECTIONS = ["pack", "component", "check", "check-aks", "audit", "plugin", "real-cli"] as const;
export type Section = (typeof SECTIONS)[number];

export interface Environment {
  readonly node: string;
  readonly platform: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  /** 1, 5 and 15 minute load averages when the run started: others' work on a shared machine. */
  readonly loadAverage: readonly number[];
}

/** One target of issue 4, judged on the wall clock and on CPU time where both were measured. */
export interface Target {
  readonly id: string;
  readonly description: string;
  /** The target is met when the measured value is at most this (at least, for a speed-up). */
  readonly limit: number;
  readonly atLeast: boolean;
  readonly wall: number | null;
  readonly cpu: number | null;
  /** Met on every metric measured. */
  readonly met: boolean;
}

export interface BenchResults {
  readonly schemaVersion: 1;
  /** A smoke run (tiny sizes, one run) checks that the benchmark works; its figures mean nothing. */
  readonly smoke: boolean;
  readonly startedAt: string;
  readonly durationS: number;
  /** Wall seconds each section took, warm-ups, checks and starts included. */
  readonly sectionSeconds: Readonly<Partial<Record<Section, number>>>;
  readonly environment: Environment;
  readonly method: { readonly rounds: Rounds; readonly note: string };
  readonly pack?: PackFigures;
  readonly component?: ComponentFigures;
  readonly check?: CheckFigures;
  readonly checkAks?: AksFigures;
  readonly audit?: AuditBenchmarkResult;
  readonly plugin?: PluginFigures;
  readonly realCli?: RealCliFigures;
  readonly targets: readonly Target[];
}

export const METHOD_NOTE =
  "Each comparison runs its sides back to back in one process, in an order that rotates every round; a figure " +
  "is the median of the measured rounds after the warm-ups, and a ratio is the median of the per-round ratios. " +
  "CPU times are the measured process's user + system time (10 ms resolution for other processes).";

export function environment(): Environment {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

function target(
  id: string,
  description: string,
  limit: number,
  measured: { wall: number | null; cpu: number | null },
  atLeast = false,
): Target {
  const within = (value: number | null): boolean =>
    value === null || (Number.isFinite(value) && (atLeast ? value >= limit : value <= limit));
  return { id, description, limit, atLeast, ...measured, met: within(measured.wall) && within(measured.cpu) };
}

/** The targets, for the sizes that were measured (a smoke run measures none of them). */
export function targets(results: Omit<BenchResults, "targets">): Target[] {
  const found: Target[] = [];
  const pack = results.pack;
  const at1000 = pack?.sizes.find((s) => s.clusters === 1000);
  if (at1000) {
    found.push(
      target("pack-analyze-stack-ratio", "AnalyzeStack at N=1000: pack / empty pack", 1.1, {
        wall: at1000.analyzeStack.packVsEmpty.wallMs,
        cpu: at1000.analyzeStack.packVsEmpty.cpuMs,
      }),
      target("pack-analyze-ratio", "Analyze per resource at N=1000: pack / empty pack", 1.1, {
        wall: at1000.analyze.packVsEmpty.wallMs,
        cpu: at1000.analyze.packVsEmpty.cpuMs,
      }),
    );
  }
  if (pack?.growth && pack.growth.from === 1000 && pack.growth.to === 5000) {
    found.push(
      target("pack-growth", "AnalyzeStack growth from N=1000 to N=5000 (linear: 5)", 5.5, {
        wall: pack.growth.byPack.pack.wallMs,
        cpu: pack.growth.byPack.pack.cpuMs,
      }),
    );
  }
  for (const size of results.component?.sizes ?? []) {
    if (size.clusters !== 10 && size.clusters !== 200) continue;
    found.push(
      target(`component-ratio-${size.clusters}`, `${size.clusters} AksClusters / the same by hand`, 1.15, {
        wall: size.wallMs.ratio,
        cpu: size.cpuMs.ratio,
      }),
    );
  }
  const plugin = results.plugin;
  if (plugin && !results.smoke) {
    found.push(
      target("plugin-first-schema-ms", "first GetSchema of a fresh plugin, ms", 500, {
        wall: plugin.plugin.firstSchemaMs.medianMs,
        cpu: null,
      }),
      target("plugin-construct-ratio", "Construct of 1 AksCluster (3 bindings) / the same under mocks", 1.2, {
        wall: plugin.construct.wallMs.ratio,
        cpu: plugin.construct.cpuMs.ratio,
      }),
      target(
        "plugin-construct-floor-ratio",
        "Construct of 1 AksCluster (3 bindings) / a no-logic component registering the same, same plugin",
        1.1,
        { wall: plugin.floor.wallMs.ratio, cpu: plugin.floor.cpuMs.ratio },
      ),
    );
  }
  if (!results.smoke) found.push(...aksTargets(results.checkAks));
  const audit = results.audit;
  if (audit && !results.smoke) {
    found.push(
      target(
        "audit-speedup",
        `audit at concurrency ${audit.options.concurrency} against 1: speed-up`,
        audit.target,
        { wall: audit.speedup, cpu: null },
        true,
      ),
    );
  }
  return found;
}

/** Issue 10, items 1 and 2: check beside its type-check, and check against the program under mocks alone. */
function aksTargets(aks: AksFigures | undefined): Target[] {
  const found: Target[] = [];
  for (const size of aks?.sizes ?? []) {
    if (size.checkVsSlowerPart !== null) {
      found.push(
        target(
          `check-typecheck-beside-${size.clusters}`,
          `check / max(type-check alone, check without it), ${size.clusters} AksClusters`,
          1.2,
          { wall: size.checkVsSlowerPart, cpu: null },
        ),
      );
    }
    if (size.againstTsc) {
      found.push(
        target(
          `check-vs-tsc-noemit-${size.clusters}`,
          `check / tsc --noEmit alone, TypeScript 5, azure-ts-aks's tsconfig, ${size.clusters} AksClusters`,
          1.2,
          { wall: size.againstTsc.checkVsTsc.wallMs.ratio, cpu: null },
        ),
      );
    }
    found.push(
      target(
        `check-vs-mocks-${size.clusters}`,
        `check (no type-check) / program under mocks, ${size.clusters} AksClusters, wall`,
        1.2,
        {
          wall: size.transpileVsMocks.wall,
          cpu: null,
        },
      ),
      target(`check-vs-mocks-memory-${size.clusters}`, `the same, peak memory`, 1.2, {
        wall: size.transpileVsMocks.peak,
        cpu: null,
      }),
    );
  }
  if (aks?.growth) {
    found.push(
      target(
        "check-growth",
        `check growth ${aks.growth.from} -> ${aks.growth.to} AksClusters / the program's own growth`,
        1,
        { wall: aks.growth.check / aks.growth.mocks, cpu: null },
      ),
    );
  }
  return found;
}
