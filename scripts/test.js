#!/usr/bin/env node
// `npm test`: type-check, lint and format check side by side, then every test file under test/ with mocha.
//
// - tsc type-checks every test file and everything it imports (tsconfig.json includes test/), so mocha then loads
//   them with ts-node's transpile-only mode instead of type-checking each file a second time, one at a time.
// - Test files run in mocha's parallel mode, one worker per core: most of a suite's time is child processes
//   (`check` runs, policy packs, loopback servers) that wait on each other, so two files side by side fill both
//   cores. Each file runs in a worker process of its own.
// - dist/ is brought up to date once before mocha starts (the plugin's tests rebuild it when it is stale, and three
//   of them side by side would write it together). The files that always build dist/ (`npm run build`,
//   `npm pack`) run afterwards, one at a time: two builds writing dist/ together would corrupt it.
// Any new test file matching test/**/*.test.ts joins the parallel run by itself.
"use strict";
const { spawn } = require("child_process");
const os = require("os");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const BIN = path.join(ROOT, "node_modules", ".bin");
const BUILDS_DIST = ["test/check/npmStart.test.ts", "test/consumer/consumer.test.ts"];
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
  const built = await run("ts-node", ["-e", 'require("./test/plugin/support/pluginProcess").ensureBuilt()'], {
    env,
  });
  if (built.code !== 0) return 1;
  const ignore = BUILDS_DIST.flatMap((file) => ["--ignore", file]);
  const parallel = await run(
    "mocha",
    ["--parallel", "--jobs", String(JOBS), ...ignore, "test/**/*.test.ts"],
    {
      env,
    },
  );
  const serial = await run("mocha", BUILDS_DIST, { env });
  console.log(`npm test took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return parallel.code !== 0 || serial.code !== 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
