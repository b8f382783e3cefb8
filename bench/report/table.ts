/** The results as text tables, the way `npm run bench` prints them. */
import { textTable } from "../../cli/audit/format/textTable";
import type { AuditBenchmarkResult } from "../audit";
import { AksFigures, AksSizeFigures, YOUNG_GENERATION_FLAG } from "../check/aksBench";
import { CheckFigures } from "../check/checkBench";
import { TscFigures } from "../check/tscBench";
import { ComponentFigures } from "../component/componentBench";
import { Comparison, Timing } from "../measure";
import { CallFigures, PackFigures, PackName, PerMetric } from "../pack/packBench";
import { PluginFigures } from "../plugin/pluginBench";
import { RealCliFigures } from "../realCli/realCliBench";
import { BenchResults, Target } from "./results";

/** Milliseconds with three significant digits or so: 0.412, 7.38, 59.7, 4909. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  const abs = Math.abs(value);
  return value.toFixed(abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3);
}

export function ratio(value: number | null): string {
  return value === null || !Number.isFinite(value) ? "n/a" : `${value.toFixed(2)}x`;
}

const both = (wall: string, cpu: string): string => `${wall} | ${cpu}`;
const timingPair = (t: PerMetric<Timing>): string => both(ms(t.wallMs.medianMs), ms(t.cpuMs.medianMs));
const ratioPair = (r: PerMetric<number>): string => both(ratio(r.wallMs), ratio(r.cpuMs));

function callTable(
  title: string,
  pack: PackFigures,
  call: (size: PackFigures["sizes"][number]) => CallFigures,
) {
  const rows = pack.sizes.map((size) => {
    const figures = call(size);
    return [
      String(size.clusters),
      String(figures.callsPerRound),
      ...(["pack", "noop", "empty"] as PackName[]).map((name) => timingPair(figures.perCall[name])),
      ratioPair(figures.packVsEmpty),
      ratioPair(figures.noopVsEmpty),
      ratioPair(figures.packVsNoop),
    ];
  });
  return [
    title,
    ...textTable(
      ["clusters", "calls", "pack", "no-op", "empty", "pack/empty", "no-op/empty", "pack/no-op"],
      rows,
    ),
  ];
}

function packLines(pack: PackFigures): string[] {
  const lines = [
    ...callTable("AnalyzeStack, ms per call (wall | pack process CPU)", pack, (s) => s.analyzeStack),
    "",
    ...callTable("Analyze, ms per call (wall | pack process CPU)", pack, (s) => s.analyze),
    "",
    ...textTable(
      ["clusters", "resources", "request MiB", "seconds", "peak MiB: pack", "no-op", "empty"],
      pack.sizes.map((s) => [
        String(s.clusters),
        String(s.resources),
        s.requestMiB.toFixed(1),
        String(s.seconds),
        ...(["pack", "noop", "empty"] as PackName[]).map((n) => {
          const mib = s.peakMemoryMiB[n];
          return mib === null ? "n/a" : mib.toFixed(0);
        }),
      ]),
    ),
  ];
  const growth = pack.growth;
  if (growth) {
    const of = (name: PackName): string => ratioPair(growth.byPack[name]);
    lines.push(
      "",
      `AnalyzeStack growth from ${growth.from} to ${growth.to} clusters (linear: ${growth.linear.toFixed(1)}x), ` +
        `wall | CPU: pack ${of("pack")}, no-op ${of("noop")}, empty ${of("empty")}`,
    );
  }
  const start = (["pack", "noop", "empty"] as PackName[])
    .map((n) => `${n} ${ms(pack.startMs[n])}`)
    .join(", ");
  lines.push(`Pack start (one each, ms): ${start}`);
  return lines;
}

function componentLines(component: ComponentFigures): string[] {
  return textTable(
    ["clusters", "resources", "AksCluster ms", "by hand ms", "ratio", "CPU ratio"],
    component.sizes.map((s) => [
      String(s.clusters),
      `${s.registered.component} | ${s.registered.direct}`,
      ms(s.wallMs.subject.medianMs),
      ms(s.wallMs.baseline.medianMs),
      ratio(s.wallMs.ratio),
      ratio(s.cpuMs.ratio),
    ]),
  );
}

function checkLines(check: CheckFigures): string[] {
  const row = (phase: string, ours: Timing | undefined, floor: Timing | undefined): string[] => [
    phase,
    ours ? ms(ours.medianMs) : "",
    floor ? ms(floor.medianMs) : "",
  ];
  return [
    ...textTable(
      ["phase", "check ms", "program alone ms"],
      [
        row("compile (TypeScript, transpiled)", check.check.compile, check.floor.compile),
        row("program run (under mocks)", check.check.programRun, check.floor.programRun),
        row("pack start (beside the program)", check.check.packStart, undefined),
        row("analysis (after the program)", check.check.analysis, undefined),
        row("  of which the pack's answers", check.check.packWork, undefined),
        row("total", check.check.total, check.floor.total),
        row("whole process (node start, loading)", check.check.process, check.floor.process),
      ],
    ),
    `check / program alone: ${ratio(check.ratio)} (whole processes: ${ratio(check.processRatio)}); ` +
      `${check.resources} resources`,
  ];
}

function aksLines(aks: AksFigures): string[] {
  const side = (name: keyof AksSizeFigures["sides"], label: string, size: AksSizeFigures): string[] => {
    const s = size.sides[name];
    return s
      ? [
          `${size.clusters}`,
          label,
          ms(s.totalMs.medianMs),
          ms(s.processMs.medianMs),
          `${s.peakMiB}${s.typeCheckPeakMiB === null ? "" : ` + ${s.typeCheckPeakMiB}`}`,
        ]
      : [];
  };
  const rows = aks.sizes.flatMap((size) =>
    [
      side("check", "check", size),
      side("typeCheck", "type-check alone", size),
      side("checkNative", "check, TypeScript 7 tsc (module nodenext)", size),
      side("typeCheckNative", "type-check alone, TypeScript 7 tsc (module nodenext)", size),
      side("typeCheckNodenext", "type-check alone, TypeScript 5 (module nodenext)", size),
      side("checkTranspile", "check, type-checking off", size),
      side("mocks", "program under mocks alone", size),
      side("checkTranspileYoung", `check, type-checking off, ${YOUNG_GENERATION_FLAG}`, size),
      side("mocksYoung", `program under mocks, ${YOUNG_GENERATION_FLAG}`, size),
    ].filter((r) => r.length > 0),
  );
  const ratios = aks.sizes.map(
    (size) =>
      `${size.clusters} AksClusters (${size.resources} resources): ` +
      (size.checkVsSlowerPart === null
        ? ""
        : `check / slower part ${ratio(size.checkVsSlowerPart)}, same diagnostics: ${size.sameDiagnostics ? "yes" : "NO"}; `) +
      (size.native === null
        ? ""
        : `TypeScript 7 / 5: type-check alone ${ratio(size.native.typeCheck)}, check ${ratio(size.native.check)}, ` +
          `same diagnostics: ${size.native.sameDiagnostics ? "yes" : "NO"}; `) +
      `no type-check / mocks ${ratio(size.transpileVsMocks.wall)} wall, ${ratio(size.transpileVsMocks.peak)} memory` +
      (size.youngGeneration === null
        ? ""
        : `; ${YOUNG_GENERATION_FLAG}: check x${ratio(size.youngGeneration.checkTranspile)}, mocks x${ratio(size.youngGeneration.mocks)}`),
  );
  const againstTsc = aks.sizes.flatMap((size) =>
    size.againstTsc ? tscLines(size.clusters, size.againstTsc) : [],
  );
  return [
    aks.shape,
    ...textTable(["N", "run", "ms", "process ms", "peak MiB"], rows),
    ...ratios,
    ...againstTsc,
    ...(aks.growth
      ? [
          `growth ${aks.growth.from} -> ${aks.growth.to}: check ${ratio(aks.growth.check)}, program alone ` +
            `${ratio(aks.growth.mocks)}`,
        ]
      : []),
  ];
}

/** check against tsc --noEmit alone, whole processes, side by side. */
function tscLines(clusters: number, figures: TscFigures): string[] {
  const row = (label: string, side: TscFigures["sides"]["check"]): string[] => [
    `${clusters}`,
    label,
    ms(side.wallMs.medianMs),
    ms(side.cpuMs.medianMs),
    `${Math.round(side.peakMiB)}`,
  ];
  return [
    `${clusters} AksClusters under ${figures.tsconfig} (azure-ts-aks's own), TypeScript 5, whole processes:`,
    ...textTable(
      ["N", "run", "wall ms", "CPU ms", "peak MiB"],
      [
        row("check", figures.sides.check),
        row("tsc --noEmit alone", figures.sides.tsc),
        row("check, type-checking off", figures.sides.checkTranspile),
      ],
    ),
    `check / tsc --noEmit: ${ratio(figures.checkVsTsc.wallMs.ratio)} wall (target <= 1.20x), ` +
      `${ratio(figures.checkVsTsc.cpuMs.ratio)} CPU; check / slower part ${ratio(figures.checkVsSlowerPart)}`,
  ];
}

function auditLines(audit: AuditBenchmarkResult): string[] {
  return [
    `${audit.options.subscriptions} subscriptions x ${audit.options.clustersPerSubscription} clusters, ` +
      `${audit.options.latencyMs} ms per request, ${audit.requestsPerAudit} requests per audit`,
    `concurrency ${audit.options.concurrency}: ${ms(audit.concurrentMedianMs)} ms; concurrency 1: ` +
      `${ms(audit.serialMedianMs)} ms; speed-up ${ratio(audit.speedup)} (target >= ${ratio(audit.target)})`,
  ];
}

function pluginLines(plugin: PluginFigures): string[] {
  return [
    ...textTable(
      ["host", "start to port ms", "first GetSchema ms", "first Construct ms"],
      [
        [
          "the package's (schema from dist/)",
          ms(plugin.plugin.toPortMs.medianMs),
          ms(plugin.plugin.firstSchemaMs.medianMs),
          ms(plugin.plugin.firstConstructMs.medianMs),
        ],
        [
          "Pulumi's stock (schema inferred)",
          ms(plugin.stockHost.toPortMs.medianMs),
          ms(plugin.stockHost.firstSchemaMs.medianMs),
          "",
        ],
      ],
    ),
    `Construct of 1 AksCluster with 3 bindings, warm plugin: ${ms(plugin.construct.wallMs.subject.medianMs)} ms ` +
      `(CPU ${ms(plugin.construct.cpuMs.subject.medianMs)}); under mocks: ` +
      `${ms(plugin.construct.wallMs.baseline.medianMs)} ms (CPU ${ms(plugin.construct.cpuMs.baseline.medianMs)}); ` +
      `ratio ${ratio(plugin.construct.wallMs.ratio)} (CPU ${ratio(plugin.construct.cpuMs.ratio)})`,
    `The same against the floor (a component with no logic registering the same resources, same warm plugin): ` +
      `${ms(plugin.floor.wallMs.subject.medianMs)} ms (CPU ${ms(plugin.floor.cpuMs.subject.medianMs)}) against ` +
      `${ms(plugin.floor.wallMs.baseline.medianMs)} ms (CPU ${ms(plugin.floor.cpuMs.baseline.medianMs)}); ` +
      `ratio ${ratio(plugin.floor.wallMs.ratio)} (CPU ${ratio(plugin.floor.cpuMs.ratio)})`,
  ];
}

function realCliLines(realCli: RealCliFigures): string[] {
  if (realCli.notRun !== undefined) return [`not run: ${realCli.notRun}`];
  const cell = (c: { subject: Timing; baseline: Timing; ratio: number }, unit: (v: number) => string) => [
    unit(c.subject.medianMs),
    unit(c.baseline.medianMs),
    ratio(c.ratio),
  ];
  const mib = (v: number) => v.toFixed(0);
  return [
    "check against pulumi preview --policy-pack (azure-native stand-in), whole process trees, both type-checking",
    ...textTable(
      [
        "program",
        "check ms",
        "preview ms",
        "ratio",
        "check CPU ms",
        "preview CPU ms",
        "ratio",
        "check MiB",
        "preview MiB",
        "ratio",
      ],
      realCli.programs.map((p) => [
        p.program,
        ...cell(p.wallMs, ms),
        ...cell(p.cpuMs, ms),
        ...cell(p.peakMiB, mib),
      ]),
    ),
    "",
    ...yamlPreviewLines(realCli),
  ];
}

function yamlPreviewLines(realCli: RealCliFigures): string[] {
  const yaml = realCli.yamlPreview;
  if (yaml === undefined)
    return [`pulumi preview, YAML against TypeScript: not run: ${realCli.yamlNotRun ?? "?"}`];
  const { typeChecked: checked, transpileOnly: transpiled } = yaml;
  const row = (metric: string, a: Comparison, b: Comparison, unit: (v: number) => string) => [
    metric,
    unit(a.subject.medianMs),
    unit(a.baseline.medianMs),
    ratio(a.ratio),
    unit(b.baseline.medianMs),
    ratio(b.ratio),
  ];
  return [
    "pulumi preview of examples/yaml (after pulumi package add) against its TypeScript twin, same resources",
    ...textTable(
      ["metric", "YAML", "TypeScript", "ratio", "TS transpile-only", "ratio"],
      [
        row("wall ms", checked.wallMs, transpiled.wallMs, ms),
        row("CPU ms", checked.cpuMs, transpiled.cpuMs, ms),
        row("peak MiB", checked.peakMiB, transpiled.peakMiB, (v) => v.toFixed(0)),
      ],
    ),
  ];
}

/** A target's measured value: milliseconds for a target in ms (its id ends in `-ms`), else a ratio. */
const figure = (t: Target, value: number): string =>
  t.id.endsWith("-ms") ? `${ms(value)} ms` : ratio(value);

function targetLines(targets: readonly Target[]): string[] {
  if (targets.length === 0) return ["(none measured at these sizes)"];
  return textTable(
    ["target", "limit", "wall", "CPU", "met"],
    targets.map((t) => [
      t.description,
      `${t.atLeast ? ">=" : "<="} ${t.id.endsWith("-ms") ? `${t.limit} ms` : t.limit.toFixed(2)}`,
      t.wall === null ? "-" : figure(t, t.wall),
      t.cpu === null ? "-" : figure(t, t.cpu),
      t.met ? "yes" : "NO",
    ]),
  );
}

/** Every section that ran, then the targets. */
export function renderTables(results: BenchResults): string {
  const sections: [string, string[]][] = [];
  if (results.pack) sections.push(["1. Policy pack against the empty pack", packLines(results.pack)]);
  if (results.component) {
    sections.push(["2. AksCluster against the same resources by hand", componentLines(results.component)]);
  }
  if (results.check) sections.push([`3. check on ${results.check.program}`, checkLines(results.check)]);
  if (results.checkAks) sections.push(["4. check on AKS-shaped programs", aksLines(results.checkAks)]);
  if (results.audit) sections.push(["Audit", auditLines(results.audit)]);
  if (results.plugin) sections.push(["Plugin package (other Pulumi languages)", pluginLines(results.plugin)]);
  if (results.realCli)
    sections.push(["5. check against pulumi preview, real CLI", realCliLines(results.realCli)]);
  sections.push(["Targets", targetLines(results.targets)]);
  const { rounds } = results.method;
  const header =
    `${results.smoke ? "SMOKE RUN (figures mean nothing) - " : ""}median of ${rounds.runs} runs after ` +
    `${rounds.warmups} warm-up(s); Node ${results.environment.node}, ${results.environment.cpus} CPUs, ` +
    `load ${results.environment.loadAverage.join(" ")}`;
  return [header, ...sections.flatMap(([title, lines]) => ["", `== ${title}`, ...lines])].join("\n") + "\n";
}
