/**
 * `npm run bench`: the benchmarks of issue 4 (and the audit's, issue 5). Prints a table, writes the figures to
 * bench/results.json (a smoke run to the system's temporary folder). See docs/performance.md.
 *
 *   npm run bench                      # everything, as in docs/performance.md (about 10 minutes on 2 cores)
 *   npm run bench -- --smoke           # tiny sizes, one run: checks that the benchmark works (CI)
 *   npm run bench -- --only pack --pack-sizes 1000 --cpu-profile /tmp/prof
 */
import * as fs from "fs";
import * as path from "path";
import { CommanderError } from "commander";
import { AuditBenchmarkOptions, DEFAULT_AUDIT_BENCHMARK, benchmarkAudit } from "./audit";
import { benchAks } from "./check/aksBench";
import { REPO_DIR, benchCheck } from "./check/checkBench";
import { benchComponent } from "./component/componentBench";
import { BenchOptions, parseBenchOptions } from "./options";
import { benchPack } from "./pack/packBench";
import { benchPlugin } from "./plugin/pluginBench";
import { benchRealCli } from "./realCli/realCliBench";
import { BenchResults, METHOD_NOTE, Section, environment, targets } from "./report/results";
import { renderTables } from "./report/table";

/** The audit's own benchmark (engineer D's), shrunk for a smoke run. */
const SMOKE_AUDIT: AuditBenchmarkOptions = {
  subscriptions: 2,
  clustersPerSubscription: 2,
  latencyMs: 5,
  concurrency: 2,
  rounds: { warmups: 0, runs: 1 },
};

const log = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);

export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const startedAt = new Date();
  const env = environment();
  const measured: {
    -readonly [
      K in "pack" | "component" | "check" | "checkAks" | "audit" | "plugin" | "realCli"
    ]?: BenchResults[K];
  } = {};
  const sectionSeconds: Partial<Record<Section, number>> = {};
  for (const section of options.sections) {
    const sectionStart = Date.now();
    log(`${section}: started`);
    switch (section) {
      case "pack":
        measured.pack = await benchPack({
          sizes: options.packSizes,
          rounds: options.rounds,
          analyzeClusters: options.analyzeClusters,
          log,
        });
        break;
      case "component":
        measured.component = await benchComponent({
          sizes: options.componentSizes,
          rounds: options.rounds,
          log,
        });
        break;
      case "check":
        measured.check = await benchCheck({ programDir: REPO_DIR, rounds: options.rounds, log });
        break;
      case "check-aks":
        measured.checkAks = await benchAks({
          sizes: options.aksSizes,
          typeCheckSizes: options.aksTypeCheckSizes,
          youngGenerationSizes: options.aksYoungGenerationSizes,
          rounds: options.rounds,
          log,
        });
        break;
      case "audit":
        measured.audit = await benchmarkAudit(options.smoke ? SMOKE_AUDIT : DEFAULT_AUDIT_BENCHMARK);
        break;
      case "plugin":
        measured.plugin = await benchPlugin({ rounds: options.rounds, log });
        break;
      case "real-cli":
        measured.realCli = await benchRealCli({ sizes: options.realCliSizes, rounds: options.rounds, log });
        break;
    }
    sectionSeconds[section] = Math.round((Date.now() - sectionStart) / 1000);
    log(`${section}: done in ${sectionSeconds[section]} s`);
  }
  const partial: Omit<BenchResults, "targets"> = {
    schemaVersion: 1,
    smoke: options.smoke,
    startedAt: startedAt.toISOString(),
    durationS: Math.round((Date.now() - startedAt.getTime()) / 1000),
    sectionSeconds,
    environment: env,
    method: { rounds: options.rounds, note: METHOD_NOTE },
    ...measured,
  };
  return { ...partial, targets: targets(partial) };
}

/**
 * Profiles every process of the run: this one, and the packs and check runs it starts, which take the hook
 * through NODE_OPTIONS (where `--cpu-prof` is not allowed).
 */
async function profileEverything(dir: string): Promise<void> {
  const hook = path.join(__dirname, "profile", "cpuProfile.js");
  fs.mkdirSync(dir, { recursive: true });
  process.env["BENCH_CPU_PROFILE_DIR"] = dir;
  process.env["NODE_OPTIONS"] = `${process.env["NODE_OPTIONS"] ?? ""} --require "${hook}"`.trim();
  await import(hook);
  log(`CPU profiles go to ${dir} (summarize them with bench/profile/summarize.ts)`);
}

async function main(argv: readonly string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchOptions(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    throw err;
  }
  if (options.cpuProfileDir !== undefined) await profileEverything(options.cpuProfileDir);
  try {
    const results = await runBench(options);
    fs.mkdirSync(path.dirname(options.out), { recursive: true });
    fs.writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(renderTables(results));
    const shown = path.relative(process.cwd(), options.out);
    log(`results written to ${shown.startsWith("..") ? options.out : shown}`);
    return 0;
  } catch (err) {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
