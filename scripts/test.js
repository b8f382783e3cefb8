#!/usr/bin/env node
// `npm test`: type-check, lint and format check, and beside them every test file under test/ with mocha.
//
// - tsc type-checks every test file and everything it imports (tsconfig.json includes test/), so mocha then loads
//   them with ts-node's transpile-only mode instead of type-checking each file a second time, one at a time.
// - dist/ is brought up to date once before mocha starts: the tests run the compiled CLI and pack, as a user does,
//   and `npm run build` (which `npm start` and `npm pack` run) writes nothing while dist/ matches the sources, so
//   every file can run beside the others.
// - Test files run in mocha's parallel mode, one worker per core: most of a suite's time is child processes
//   (`check` runs, policy packs, loopback servers) that wait on each other, so two files side by side fill both
//   cores. The slowest files start first, so that no long file is left running alone at the end.
// - The real Pulumi CLI (scripts/pulumi-cli.js, built from Pulumi's Go modules when Go is there) and the azure-native
//   stand-in (scripts/pulumi-standin.js) are obtained first, before anything else starts, and handed to
//   test/realCli/ in the environment. Without them (no Go, or a failed build), those tests are skipped with a
//   notice here; in CI (CI=true) they fail instead.
// Any new test file matching test/**/*.test.ts joins the parallel run by itself.
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const BIN = path.join(ROOT, "node_modules", ".bin");
// TypeScript 5's tsc by its path: the `typescript7` devDependency declares a `tsc` bin too, and npm may link either.
const TOOLS = { tsc: [process.execPath, require.resolve("typescript/bin/tsc")] };
// The files that take longest (a minute or less each, measured one at a time), longest first.
const SLOWEST_FIRST = [
  // Its first run compiles Pulumi's Go SDK (minutes, once per machine); later runs take about a minute.
  "test/realCli/goConsumer.test.ts",
  "test/realCli/pythonConsumer.test.ts",
  "test/realCli/checkAgreesWithPreview.test.ts",
  "test/realCli/yamlConsumer.test.ts",
  "test/realCli/packedPackageAdd.test.ts",
  "test/realCli/policyPack.test.ts",
  "test/realCli/pythonPack.test.ts",
  "test/bench/smoke.test.ts",
  "test/consumer/consumer.test.ts",
  "test/check/npmStart.test.ts",
  "test/audit/audit.e2e.test.ts",
  "test/audit/credentials.e2e.test.ts",
  "test/check/checkFixtures.test.ts",
  "test/check/typeCheckMatchesTsNode.test.ts",
  "test/check/checkFailures.test.ts",
  "test/check/checkOutputs.test.ts",
  "test/e2e/packHost/lifecycle.test.ts",
  "test/realCli/basicLifecycle.test.ts",
];
// One worker per core, at most 4: each worker loads ts-node and the SDKs, and its tests start processes of their own.
const JOBS = Math.max(1, Math.min(os.availableParallelism(), 4));

/**
 * Starts a tool from node_modules/.bin. `done` resolves to its exit code, with its output when `quiet` keeps it for
 * printing later.
 */
function start(tool, args, { env = {}, quiet = false } = {}) {
  const [command, ...preArgs] = TOOLS[tool] ?? [path.join(BIN, tool)];
  const child = spawn(command, [...preArgs, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    // A group of its own, so that `stop` ends the tool with every process it started (mocha's workers, their packs).
    detached: true,
  });
  let output = "";
  if (quiet) {
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
  }
  const done = new Promise((resolve) => {
    child.on("error", (err) => resolve({ code: 1, output: `${output}${err.message}\n` }));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
  const stop = () => {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // It had ended.
    }
  };
  running.add(stop);
  void done.then(() => running.delete(stop));
  return { done, stop };
}

// Ctrl-C reaches only this process's group: `main` passes it on to the groups of the tools.
const running = new Set();
function stopAllOnSignals() {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => {
      for (const stop of running) stop();
      process.exit(130);
    });
  }
}

/** Every *.test.ts under test/: the slowest first, then the others in path order. */
function testFiles() {
  const all = fs
    .readdirSync(path.join(ROOT, "test"), { recursive: true })
    .map((file) => path.posix.join("test", file.split(path.sep).join("/")))
    .filter((file) => file.endsWith(".test.ts"))
    .sort();
  const missing = SLOWEST_FIRST.filter((file) => !all.includes(file));
  if (missing.length > 0)
    throw new Error(`scripts/test.js: SLOWEST_FIRST names files that do not exist: ${missing}`);
  return [...SLOWEST_FIRST, ...all.filter((file) => !SLOWEST_FIRST.includes(file))];
}

const CHECKS = [
  ["typecheck", "tsc", ["-p", "tsconfig.json", "--noEmit"]],
  ["eslint", "eslint", ["--max-warnings=0", "."]],
  ["prettier", "prettier", ["--check", "."]],
];

/**
 * The type-check, ESLint and Prettier run beside the tests, filling the time the tests spend waiting on their
 * processes; the first of them to fail stops the tests, so a type error still fails fast.
 */
async function main() {
  stopAllOnSignals();
  const started = Date.now();
  const seconds = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
  // The real CLI first: its first build takes minutes and blocks, so it comes before the checks start.
  const env = { TS_NODE_TRANSPILE_ONLY: "true", ...realCliEnvironment() };
  preparePythonPackages();
  let mocha;
  const checks = CHECKS.map(([name, tool, args]) =>
    start(tool, args, { quiet: true }).done.then(({ code, output }) => {
      if (code !== 0) {
        process.stderr.write(`\n${name} failed:\n${output}`);
        mocha?.stop();
      }
      return code;
    }),
  );
  const tests = (async () => {
    const built = await start("ts-node", ["-e", 'require("./test/support/builtPackage").ensureBuilt()'], {
      env,
    }).done;
    if (built.code !== 0) return built.code;
    mocha = start("mocha", ["--parallel", "--jobs", String(JOBS), ...testFiles()], { env });
    return (await mocha.done).code;
  })();
  const checkCodes = await Promise.all(checks);
  if (checkCodes.every((code) => code === 0))
    console.log(`typecheck, eslint and prettier passed (${seconds()})`);
  const testCode = await tests;
  console.log(`npm test took ${seconds()}`);
  return checkCodes.every((code) => code === 0) ? testCode : 1;
}

/**
 * The real Pulumi CLI and the stand-in, for test/realCli/: their locations in the environment, or none (and a
 * notice that says how to get them) when this machine has neither a CLI nor Go.
 */
function realCliEnvironment() {
  const { obtainPulumiCli, CliUnavailable } = require("./pulumi-cli");
  const { buildStandin } = require("./pulumi-standin");
  try {
    const binDir = obtainPulumiCli({ build: true });
    const { version, executable } = buildStandin();
    console.log(`real-CLI tests: pulumi in ${binDir}, azure-native ${version} stand-in`);
    return {
      AKS_TRUSTED_ACCESS_PULUMI_BIN: binDir,
      AKS_TRUSTED_ACCESS_STANDIN: executable,
      AKS_TRUSTED_ACCESS_STANDIN_VERSION: version,
    };
  } catch (err) {
    // A machine without Go, or a build that failed: the other tests still run, and the real-CLI ones say why not
    // (in CI they fail instead).
    const why = err instanceof CliUnavailable ? err.message : `the build failed: ${err.message}`;
    const rule = "!".repeat(100);
    console.log(
      `${rule}\nTHE REAL-CLI TESTS (test/realCli/) WILL NOT RUN: ${why}.\n` +
        "Install Go 1.26 (npm test then builds pulumi from Pulumi's Go modules, about 9 minutes once), or point " +
        "PULUMI_CLI at a pulumi whose folder holds pulumi-language-nodejs.\n" +
        `In CI (CI=true) these tests fail instead of being skipped.\n${rule}`,
    );
    return {};
  }
}

/**
 * The PyPI packages of the Python consumer tests (scripts/pulumi-python.js), fetched here, outside the tests'
 * network-less sandbox and before the tests start: minutes the first time, nothing once cached. When it fails, the
 * tests that need them say why (in CI they fail).
 */
function preparePythonPackages() {
  const { obtainPythonPackages } = require("./pulumi-python");
  try {
    console.log(`Python consumer tests: PyPI packages in ${obtainPythonPackages().dir}`);
  } catch (err) {
    console.log(`THE PYTHON CONSUMER TESTS WILL NOT RUN: ${err.message}`);
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}

module.exports = { SLOWEST_FIRST, testFiles };
