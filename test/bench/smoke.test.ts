import * as assert from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { BenchResults, SECTIONS } from "../../bench/report/results";
import { Timing } from "../../bench/measure";

const REPO = path.resolve(__dirname, "../..");

/** `npm run bench -- --smoke --out <file>`: the script's own command line, run with this node. */
function runSmoke(out: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  const [node, ...args] = manifest.scripts["bench"].split(" ");
  assert.strictEqual(node, "node");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...args, "--smoke", "--out", out], {
      cwd: REPO,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const positive = (t: Timing, what: string): void =>
  assert.ok(Number.isFinite(t.medianMs) && t.medianMs > 0, `${what}: ${t.medianMs}`);
const measuredRatio = (r: number, what: string): void =>
  assert.ok(Number.isFinite(r) && r > 0, `${what}: ${r}`);

/**
 * The smoke size of the benchmark, end to end, so that `npm run bench` keeps working: every section runs, the
 * pack passes the synthetic stack and flags a cluster without bindings (checked inside the run), the two
 * component programs register the same resources, check passes examples/basic. Asserts the shape of the table
 * and of results.json, never how fast anything was.
 */
describe("npm run bench -- --smoke", function () {
  this.timeout(600_000);
  let results: BenchResults;
  let stdout: string;

  before(async () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-smoke-")), "results.json");
    const run = await runSmoke(out);
    assert.strictEqual(run.code, 0, run.stderr);
    stdout = run.stdout;
    results = JSON.parse(fs.readFileSync(out, "utf8")) as BenchResults;
  });

  it("prints a table of every section and the targets", () => {
    const headings = stdout.split("\n").filter((line) => line.startsWith("== "));
    assert.deepStrictEqual(headings, [
      "== 1. Policy pack against the empty pack",
      "== 2. AksCluster against the same resources by hand",
      "== 3. check on examples/basic/index.ts",
      "== 4. check on AKS-shaped programs",
      "== Audit",
      "== Plugin package (other Pulumi languages)",
      "== 5. check against pulumi preview, real CLI",
      "== Targets",
    ]);
    assert.match(stdout, /^SMOKE RUN \(figures mean nothing\) - median of 1 runs after 0 warm-up\(s\)/);
  });

  it("writes a smoke results.json with every section and no targets judged at smoke sizes", () => {
    assert.strictEqual(results.schemaVersion, 1);
    assert.strictEqual(results.smoke, true);
    assert.deepStrictEqual(results.method.rounds, { warmups: 0, runs: 1 });
    assert.deepStrictEqual(Object.keys(results.sectionSeconds), [...SECTIONS]);
    assert.deepStrictEqual(results.targets, []);
  });

  it("times each kind of Analyzer call for the pack, the no-op pack and the empty pack at each size", () => {
    const pack = results.pack;
    assert.ok(pack);
    assert.deepStrictEqual(
      pack.sizes.map((s) => [s.clusters, s.resources]),
      [
        [10, 41],
        [20, 82],
      ],
    );
    for (const size of pack.sizes) {
      for (const call of [size.analyzeStack, size.analyze]) {
        for (const name of ["pack", "noop", "empty"] as const) {
          positive(call.perCall[name].wallMs, `${size.clusters} ${name} wall`);
          assert.ok(call.perCall[name].cpuMs.medianMs >= 0);
        }
        measuredRatio(call.packVsEmpty.wallMs, `${size.clusters} pack/empty`);
        measuredRatio(call.noopVsEmpty.wallMs, `${size.clusters} no-op/empty`);
        measuredRatio(call.packVsNoop.wallMs, `${size.clusters} pack/no-op`);
      }
      for (const name of ["pack", "noop", "empty"] as const) {
        assert.ok((size.peakMemoryMiB[name] ?? 0) > 0, `peak memory of ${name}`);
      }
    }
    assert.deepStrictEqual([pack.growth?.from, pack.growth?.to, pack.growth?.linear], [10, 20, 2]);
  });

  it("times AksCluster against the same resources by hand, one component resource more per cluster", () => {
    const [size] = results.component?.sizes ?? [];
    assert.ok(size);
    assert.strictEqual(size.clusters, 2);
    // The root stack, a resource group, and per cluster a cluster, 3 bindings and its node OS maintenance window
    // (and the component).
    assert.deepStrictEqual(size.registered, { component: 14, direct: 12 });
    positive(size.wallMs.subject, "component");
    positive(size.wallMs.baseline, "by hand");
    measuredRatio(size.wallMs.ratio, "component ratio");
  });

  it("splits check into compile, program run, pack start and analysis, against the program alone", () => {
    const check = results.check;
    assert.ok(check);
    assert.strictEqual(check.program, "examples/basic/index.ts");
    assert.ok(check.resources > 0);
    for (const [phase, t] of Object.entries(check.check)) positive(t, `check ${phase}`);
    for (const [phase, t] of Object.entries(check.floor)) positive(t, `floor ${phase}`);
    assert.ok(check.check.compile.medianMs <= check.check.program.medianMs);
    measuredRatio(check.ratio, "check / floor");
  });

  it("times check on an AKS-shaped program against the type-check alone (TypeScript 5 and 7), tsc --noEmit, check without it and the program under mocks", () => {
    const [size] = results.checkAks?.sizes ?? [];
    assert.ok(size);
    // The root stack, a resource group, a network and subnet, an identity, and per cluster a component, the
    // cluster, 3 bindings and its node OS maintenance window.
    assert.deepStrictEqual([size.clusters, size.resources], [1, 11]);
    assert.deepStrictEqual(Object.keys(size.sides).sort(), [
      "check",
      "checkNative",
      "checkTranspile",
      "mocks",
      "typeCheck",
      "typeCheckNative",
      "typeCheckNodenext",
    ]);
    for (const [side, figures] of Object.entries(size.sides)) {
      positive(figures.totalMs, `${side} time`);
      assert.ok(figures.peakMiB > 0, `${side} peak memory`);
    }
    assert.ok((size.sides.check?.typeCheckPeakMiB ?? 0) > 0, "the type-check process's peak memory");
    assert.strictEqual(size.sameDiagnostics, true);
    measuredRatio(size.checkVsSlowerPart ?? NaN, "check / slower part");
    measuredRatio(size.transpileVsMocks.wall, "check / mocks");
    // TypeScript 7's native tsc beside TypeScript 5 on the same tsconfig: the same (no) diagnostics.
    assert.strictEqual(size.native?.sameDiagnostics, true);
    measuredRatio(size.native?.typeCheck ?? NaN, "TypeScript 7 / 5 type-check");
    measuredRatio(size.native?.check ?? NaN, "check with TypeScript 7 / 5");
    // check against tsc --noEmit alone under azure-ts-aks's tsconfig, whole processes (both exited 0).
    const againstTsc = size.againstTsc;
    assert.ok(againstTsc);
    assert.strictEqual(againstTsc.tsconfig, "tsconfig.azure-ts-aks.json");
    for (const [side, figures] of Object.entries(againstTsc.sides)) {
      positive(figures.wallMs, `${side} wall`);
      positive(figures.cpuMs, `${side} CPU`);
    }
    measuredRatio(againstTsc.checkVsTsc.wallMs.ratio, "check / tsc --noEmit");
    measuredRatio(againstTsc.checkVsSlowerPart, "check / slower of tsc --noEmit and check without it");
  });

  it("runs the audit benchmark as one more section", () => {
    const audit = results.audit;
    assert.ok(audit);
    assert.strictEqual(audit.requestsPerAudit, 8);
    measuredRatio(audit.speedup, "audit speed-up");
  });

  it("times a fresh plugin's start and first GetSchema against the stock host, and Construct against mocks and the floor", () => {
    const plugin = results.plugin;
    assert.ok(plugin);
    positive(plugin.plugin.toPortMs, "plugin start");
    positive(plugin.plugin.firstSchemaMs, "plugin first GetSchema");
    positive(plugin.plugin.firstConstructMs, "plugin first Construct");
    positive(plugin.stockHost.firstSchemaMs, "stock host first GetSchema");
    measuredRatio(plugin.construct.wallMs.ratio, "Construct / mocks");
    measuredRatio(plugin.floor.wallMs.ratio, "Construct / floor");
    measuredRatio(plugin.floor.cpuMs.ratio, "Construct / floor, CPU");
  });

  it("times check against pulumi preview on examples/basic, whole process trees, where a Pulumi CLI is found", () => {
    const realCli = results.realCli;
    assert.ok(realCli);
    if (realCli.notRun !== undefined) {
      assert.ok(process.env.CI !== "true", `the real-CLI section must run in CI: ${realCli.notRun}`);
      assert.match(stdout, /== 5\. check against pulumi preview, real CLI\nnot run: /);
      return;
    }
    assert.deepStrictEqual(
      realCli.programs.map((p) => p.program),
      ["examples/basic"],
    );
    const [basic] = realCli.programs;
    for (const metric of [basic.wallMs, basic.cpuMs, basic.peakMiB]) {
      positive(metric.subject, "check");
      positive(metric.baseline, "pulumi preview");
      measuredRatio(metric.ratio, "check / preview");
    }
  });

  it("times pulumi preview of examples/yaml against its TypeScript twin, type-checked and transpiled only", () => {
    const realCli = results.realCli;
    assert.ok(realCli);
    if (realCli.notRun !== undefined) return; // The test above says why, and fails in CI.
    if (realCli.yamlNotRun !== undefined) {
      assert.ok(process.env.CI !== "true", `the YAML comparison must run in CI: ${realCli.yamlNotRun}`);
      return;
    }
    const yaml = realCli.yamlPreview;
    assert.ok(yaml);
    for (const [baseline, figures] of Object.entries(yaml)) {
      for (const metric of [figures.wallMs, figures.cpuMs, figures.peakMiB]) {
        positive(metric.subject, "YAML preview");
        positive(metric.baseline, `TypeScript preview (${baseline})`);
        measuredRatio(metric.ratio, `YAML / TypeScript (${baseline})`);
      }
    }
    assert.match(
      stdout,
      /pulumi preview of examples\/yaml .*\nmetric +YAML +TypeScript +ratio +TS transpile-only +ratio\n/,
    );
  });
});
