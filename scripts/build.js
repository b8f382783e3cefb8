#!/usr/bin/env node
// `npm run build`: compile into dist/ (tsc), make dist/policypack a policy pack of its own, and infer the plugin's
// schema with a digest of the sources it was all built from (scripts/plugin-schema.js).
//
// When dist/ was built from the sources as they are now (that digest still matches), it does nothing: `npm start`,
// `npm pack` and the tests then never rewrite dist/ while another process runs it, and pay no build.
// `npm run build -- --force` builds anyway.
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

const root = path.join(__dirname, "..");

function upToDate() {
  try {
    require(path.join(root, "dist", "plugin", "builtSchema.js")).readBuiltSchema(root);
    return true;
  } catch {
    // Not built, built by an older version, or from other sources: build.
    return false;
  }
}

function step(command, args) {
  const run = spawnSync(command, args, { cwd: root, stdio: "inherit" });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

if (!process.argv.includes("--force") && upToDate()) {
  // `npm start` builds with --silent first, and its output is the check's.
  if (process.env.npm_config_loglevel !== "silent") {
    console.log("dist/ is up to date with the sources (npm run build -- --force builds it anyway).");
  }
} else {
  step(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"]);
  step(process.execPath, [path.join(__dirname, "compiled-pack-manifest.js")]);
  step(process.execPath, [path.join(__dirname, "plugin-schema.js")]);
}
