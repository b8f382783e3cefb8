import * as assert from "assert";
import * as path from "path";
import { CommanderError } from "commander";
import { FULL, SMOKE, parseBenchOptions } from "../../bench/options";

/** Commander prints a refused flag's message on stderr; keep test output clean and check the message itself. */
function refusal(argv: string[]): string {
  const write = process.stderr.write;
  process.stderr.write = () => true;
  try {
    parseBenchOptions(argv);
  } catch (err) {
    assert.ok(err instanceof CommanderError, String(err));
    return err.message;
  } finally {
    process.stderr.write = write;
  }
  assert.fail(`${argv.join(" ")} was accepted`);
}

describe("npm run bench flags", () => {
  it("runs every section at the issue's sizes by default", () => {
    const options = parseBenchOptions([]);
    assert.deepStrictEqual(options.sections, [
      "pack",
      "component",
      "check",
      "check-aks",
      "audit",
      "plugin",
      "real-cli",
    ]);
    assert.deepStrictEqual(options.rounds, { warmups: 1, runs: 5 });
    assert.deepStrictEqual(options.packSizes, [10, 100, 1000, 5000]);
    assert.deepStrictEqual(options.componentSizes, [10, 200]);
    assert.deepStrictEqual(
      [options.aksSizes, options.aksTypeCheckSizes, options.aksYoungGenerationSizes],
      [[10, 100, 300], [10], [100]],
    );
    assert.deepStrictEqual(options.realCliSizes, [10, 100]);
    assert.strictEqual(options.out, FULL.out);
    assert.strictEqual(options.smoke, false);
    assert.deepStrictEqual(parseBenchOptions(["--real-cli-sizes", "30,10"]).realCliSizes, [10, 30]);
  });

  it("takes --smoke as tiny sizes and one run, written away from bench/results.json", () => {
    const options = parseBenchOptions(["--smoke"]);
    assert.deepStrictEqual(options.rounds, SMOKE.rounds);
    assert.deepStrictEqual(options.packSizes, SMOKE.packSizes);
    assert.strictEqual(options.out, SMOKE.out);
    assert.notStrictEqual(path.dirname(options.out), path.dirname(FULL.out));
  });

  it("takes --only, sizes, rounds and --out", () => {
    const options = parseBenchOptions([
      "--only",
      "check,pack",
      "--pack-sizes",
      "1000, 10,1000",
      "--runs",
      "7",
      "--warmups",
      "0",
      "--out",
      "x/r.json",
    ]);
    assert.deepStrictEqual(options.sections, ["pack", "check"]);
    assert.deepStrictEqual(options.packSizes, [10, 1000]);
    assert.deepStrictEqual(options.rounds, { warmups: 0, runs: 7 });
    assert.strictEqual(options.out, path.resolve("x/r.json"));
  });

  const refused: { flags: string[]; message: string }[] = [
    {
      flags: ["--only", "pack,speed"],
      message:
        "error: option '--only <sections>' argument 'pack,speed' is invalid. --only takes sections separated " +
        'by commas, from pack, component, check, check-aks, audit, plugin, real-cli; "speed" is none of them.',
    },
    {
      flags: ["--runs", "0"],
      message:
        "error: option '--runs <n>' argument '0' is invalid. --runs takes a whole number of 1 or more, got \"0\".",
    },
    {
      flags: ["--warmups", "one"],
      message:
        "error: option '--warmups <n>' argument 'one' is invalid. --warmups takes a whole number of 0 or more, " +
        'got "one".',
    },
    {
      flags: ["--pack-sizes", "10,0"],
      message:
        "error: option '--pack-sizes <list>' argument '10,0' is invalid. --pack-sizes takes cluster counts of 1 " +
        'or more separated by commas (e.g. 10,100), got "10,0".',
    },
    { flags: ["--fast"], message: "error: unknown option '--fast'" },
  ];
  for (const c of refused) {
    it(`refuses ${c.flags.join(" ")}, naming the flag, the value and what is allowed`, () => {
      assert.strictEqual(refusal(c.flags), c.message);
    });
  }
});
