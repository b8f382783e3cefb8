#!/usr/bin/env node
// `npm run build`: compile each package of this repository into its own dist/ (tsc), and infer the component
// package's schema with a digest of the sources it was built from (scripts/plugin-schema.js):
// - the component package (the root): index.ts, components/, plugin/, domain/ into dist/;
// - the policy pack (policypack/): its policies and domain/ into policypack/dist/, the pack its package.json names;
// - the commands (cli/): the commands, domain/ and the pack into cli/dist/, whose dist/policypack is the pack
//   `check` runs by default (scripts/compiled-pack-manifest.js makes it a pack of its own).
// domain/ has one source; each package compiles its own copy, so that none depends on another.
//
// When every dist/ was built from the sources as they are now (their digests still match), it does nothing: `npm
// start`, `npm pack` and the tests then never rewrite dist/ while another process runs it, and pay no build.
// `npm run build -- --force` builds anyway.
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");

/** The workspace packages, each with what its build reads besides the build settings. */
const WORKSPACES = [
  { dir: "policypack", sources: ["policypack", "domain"] },
  { dir: "cli", sources: ["cli", "policypack", "domain"] },
];

const stampPath = (workspace) => path.join(root, workspace.dir, "dist", "sources.json");

function upToDate() {
  try {
    // Throws when dist/ is missing, was built by an older version, or from other sources.
    require(path.join(root, "dist", "plugin", "builtSchema.js")).readBuiltSchema(root);
    const { digestSources, changedSources } = require(path.join(root, "dist", "plugin", "sourceDigest.js"));
    return WORKSPACES.every((workspace) => {
      const built = JSON.parse(fs.readFileSync(stampPath(workspace), "utf8"));
      return changedSources(built, digestSources(root, workspace.sources)).length === 0;
    });
  } catch {
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
    console.log("Every dist/ is up to date with the sources (npm run build -- --force builds them anyway).");
  }
} else {
  const tsc = require.resolve("typescript/bin/tsc");
  step(process.execPath, [tsc, "-p", "tsconfig.build.json"]);
  for (const workspace of WORKSPACES) {
    step(process.execPath, [tsc, "-p", path.join(workspace.dir, "tsconfig.build.json")]);
  }
  step(process.execPath, [path.join(__dirname, "compiled-pack-manifest.js")]);
  step(process.execPath, [path.join(__dirname, "plugin-schema.js")]);
  const { digestSources } = require(path.join(root, "dist", "plugin", "sourceDigest.js"));
  for (const workspace of WORKSPACES) {
    fs.writeFileSync(
      stampPath(workspace),
      `${JSON.stringify(digestSources(root, workspace.sources), null, 2)}\n`,
    );
  }
}
