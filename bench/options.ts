/** The flags of `npm run bench`, checked, with the defaults of a full run and of a smoke run. */
import { Command, InvalidArgumentError, Option } from "commander";
import * as os from "os";
import * as path from "path";
import { Rounds } from "./measure";
import { SECTIONS, Section } from "./report/results";

export interface BenchOptions {
  readonly smoke: boolean;
  readonly sections: readonly Section[];
  readonly rounds: Rounds;
  /** Stack sizes of the pack benchmark, in clusters. */
  readonly packSizes: readonly number[];
  /** At most the resources of this many clusters are sent to Analyze each round. */
  readonly analyzeClusters: number;
  readonly componentSizes: readonly number[];
  /** AksClusters per AKS-shaped program for `check-aks`; the type-check and young-generation sides at some. */
  readonly aksSizes: readonly number[];
  readonly aksTypeCheckSizes: readonly number[];
  readonly aksYoungGenerationSizes: readonly number[];
  /** AksClusters per AKS-shaped program for `real-cli`, beside examples/basic. */
  readonly realCliSizes: readonly number[];
  readonly out: string;
  /** Folder for CPU profiles of every process of the run; none when undefined. */
  readonly cpuProfileDir?: string;
}

export const FULL = {
  rounds: { warmups: 1, runs: 5 },
  packSizes: [10, 100, 1000, 5000],
  analyzeClusters: 250,
  componentSizes: [10, 200],
  aksSizes: [10, 100, 300],
  aksTypeCheckSizes: [10],
  aksYoungGenerationSizes: [100],
  realCliSizes: [10, 100],
  out: path.join(__dirname, "results.json"),
} as const;

/** Tiny sizes and one run: proves every section still works (CI), measures nothing. */
export const SMOKE = {
  rounds: { warmups: 0, runs: 1 },
  packSizes: [10, 20],
  analyzeClusters: 10,
  componentSizes: [2],
  aksSizes: [1],
  aksTypeCheckSizes: [1],
  aksYoungGenerationSizes: [],
  realCliSizes: [],
  out: path.join(os.tmpdir(), "aks-trusted-access-bench.smoke.json"),
} as const;

function wholeNumber(flag: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n < min) {
      throw new InvalidArgumentError(`${flag} takes a whole number of ${min} or more, got "${value}".`);
    }
    return n;
  };
}

function sizeList(flag: string) {
  return (value: string): number[] => {
    const sizes = value.split(",").map((s) => s.trim());
    if (sizes.some((s) => !/^\d+$/.test(s) || Number(s) < 1)) {
      throw new InvalidArgumentError(
        `${flag} takes cluster counts of 1 or more separated by commas (e.g. 10,100), got "${value}".`,
      );
    }
    return [...new Set(sizes.map(Number))].sort((a, b) => a - b);
  };
}

function sectionList(value: string): Section[] {
  const names = value.split(",").map((s) => s.trim());
  const unknown = names.filter((n) => !(SECTIONS as readonly string[]).includes(n));
  if (unknown.length > 0 || names.length === 0) {
    throw new InvalidArgumentError(
      `--only takes sections separated by commas, from ${SECTIONS.join(", ")}; "${unknown.join(",")}" is none of them.`,
    );
  }
  return SECTIONS.filter((s) => names.includes(s));
}

interface Flags {
  smoke?: boolean;
  only?: Section[];
  runs?: number;
  warmups?: number;
  packSizes?: number[];
  componentSizes?: number[];
  aksSizes?: number[];
  realCliSizes?: number[];
  out?: string;
  cpuProfile?: string;
}

/** Parses the command line; a bad flag throws commander's error, whose message names the flag and the value. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const command = new Command("bench")
    .description(
      "Benchmarks of the policy pack, the AksCluster component and check (issue 4); see docs/performance.md",
    )
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) })
    .option("--smoke", "tiny sizes and one run, to check that the benchmark works (CI)")
    .addOption(
      new Option("--only <sections>", `run only these, from ${SECTIONS.join(",")}`).argParser(sectionList),
    )
    .addOption(new Option("--runs <n>", "measured runs per figure").argParser(wholeNumber("--runs", 1)))
    .addOption(new Option("--warmups <n>", "warm-up runs before them").argParser(wholeNumber("--warmups", 0)))
    .addOption(
      new Option("--pack-sizes <list>", "clusters per synthetic stack").argParser(sizeList("--pack-sizes")),
    )
    .addOption(
      new Option("--component-sizes <list>", "AksClusters per program").argParser(
        sizeList("--component-sizes"),
      ),
    )
    .addOption(
      new Option("--aks-sizes <list>", "AksClusters per AKS-shaped program (check-aks)").argParser(
        sizeList("--aks-sizes"),
      ),
    )
    .addOption(
      new Option(
        "--real-cli-sizes <list>",
        "AksClusters per AKS-shaped program for check against pulumi preview (real-cli)",
      ).argParser(sizeList("--real-cli-sizes")),
    )
    .option("--out <file>", "where to write the results as JSON")
    .option(
      "--cpu-profile <dir>",
      "write a CPU profile of every process (bench, packs, check runs) to this folder",
    );
  command.parse([...argv], { from: "user" });
  const flags = command.opts<Flags>();
  const base = flags.smoke ? SMOKE : FULL;
  return {
    smoke: flags.smoke === true,
    sections: flags.only ?? [...SECTIONS],
    rounds: { warmups: flags.warmups ?? base.rounds.warmups, runs: flags.runs ?? base.rounds.runs },
    packSizes: flags.packSizes ?? base.packSizes,
    analyzeClusters: base.analyzeClusters,
    componentSizes: flags.componentSizes ?? base.componentSizes,
    aksSizes: flags.aksSizes ?? base.aksSizes,
    // With --aks-sizes, the type-check sides run at the smallest size and the young-generation sides at the middle.
    aksTypeCheckSizes: flags.aksSizes ? flags.aksSizes.slice(0, 1) : base.aksTypeCheckSizes,
    aksYoungGenerationSizes: flags.aksSizes
      ? flags.aksSizes.length > 1
        ? [flags.aksSizes[Math.floor(flags.aksSizes.length / 2)]]
        : []
      : base.aksYoungGenerationSizes,
    realCliSizes: flags.realCliSizes ?? base.realCliSizes,
    out: path.resolve(flags.out ?? base.out),
    ...(flags.cpuProfile === undefined ? {} : { cpuProfileDir: path.resolve(flags.cpuProfile) }),
  };
}
