#!/usr/bin/env node
// `npm test`: type-check, lint and format check side by side, then every test file under test/ with mocha.
//
// - tsc type-checks every test file and everything it imports (tsconfig.json includes test/), so mocha then loads
//   them with ts-node's transpile-only mode instead of type-checking each file a second time, one at a time.
// - dist/ is brought up to date once before mocha starts: the tests run the compiled CLI and pack, as a user does,
//   and `npm run build` (which `npm start` and `npm pack` run) writes nothing while dist/ matches the sources, so
//   every file can run beside the others.
// - Test files run in mocha's parallel mode, one worker per core: most of a suite's time is child processes
//   (`check` runs, policy packs, loopback servers) that wait on each other, so two files side by side fill both
//   cores. The slowest files start first, so that no long file is left running alone at the end.
// Any new test file matching test/**/*.test.ts joins the parallel run by itself.
"use strict";
const { spawn } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const BIN = path.join(ROOT, "node_modules", ".bin");
// The files that take longest (a minute or less each, measured one at a time), longest first.
const SLOWEST_FIRST = [
  "test/bench/smoke.test.ts",
  "test/consumer/consumer.test.ts",
  "test/check/npmStart.test.ts",
  "test/audit/audit.e2e.test.ts",
  "test/audit/credentials.e2e.test.ts",
  "test/check/checkFixtures.test.ts",
  "test/check/checkFailures.test.ts",
  "test/check/checkOutputs.test.ts",
  "test/e2e/packHost/lifecycle.test.ts",
];
// One worker per core, at most 4: each worker loads ts-node and the SDKs, and its tests start processes of their own.
const JOBS = Math.max(1, Math.min(os.availableParallelism(), 4));

/** Runs a tool from node_modules/.bin; resolves to its exit code, with its output kept for printing in order. */
function run(tool, args, { env = {}, quiet = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(path.join(BIN, tool), args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    if (quiet) {
      child.stdout.on("data", (c) => (output += c));
      child.stderr.on("data", (c) => (output += c));
    }
    child.on("error", (err) => resolve({ code: 1, output: `${output}${err.message}\n` }));
    child.on("close", (code) => resolve({ code: code ?? 1, output }));
  });
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

async function main() {
  const started = Date.now();
  const checks = [
    ["typecheck", "tsc", ["-p", "tsconfig.json", "--noEmit"]],
    ["eslint", "eslint", ["--max-warnings=0", "."]],
    ["prettier", "prettier", ["--check", "."]],
  ];
  const results = await Promise.all(checks.map(([, tool, args]) => run(tool, args, { quiet: true })));
  let failed = false;
  results.forEach(({ code, output }, i) => {
    if (code === 0) return;
    failed = true;
    process.stderr.write(`\n${checks[i][0]} failed:\n${output}`);
  });
  if (failed) return 1;
  console.log(`typecheck, eslint and prettier passed (${((Date.now() - started) / 1000).toFixed(0)} s)`);

  const env = { TS_NODE_TRANSPILE_ONLY: "true" };
  const built = await run("ts-node", ["-e", 'require("./test/support/builtPackage").ensureBuilt()'], {
    env,
  });
  if (built.code !== 0) return 1;
  const tests = await run("mocha", ["--parallel", "--jobs", String(JOBS), ...testFiles()], { env });
  console.log(`npm test took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return tests.code;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
