#!/usr/bin/env node
// `npm run --silent pulumi:standin`: the azure-native stand-in as a plugin executable. It compiles
// test/realCli/standin/ (without type-checking: `npm test` type-checks it) into node_modules/.cache, writes a
// `pulumi-resource-azure-native` wrapper beside it, and prints as its last line `<version> <path>`, so that
//   pulumi plugin install resource azure-native <version> --file <path>
// runs any program's azure-native resources against it under the real CLI (see docs/real-cli.md).
"use strict";
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const CACHE = path.join(ROOT, "node_modules", ".cache", "aks-trusted-access");
const MAIN = path.join("test", "realCli", "standin", "main.ts");
const SCHEMA = path.join("test", "realCli", "standin", "schema", "azureNativeSchema.json");

/**
 * Compiles the stand-in and writes its wrapper; returns `{ version, executable }`. `name` names the folder, so that
 * processes building at once (mocha's workers, when no runner built it for them) each get their own.
 */
function buildStandin(name = "standin") {
  const OUT = path.join(CACHE, name);
  const tsc = spawnSync(
    process.execPath,
    [
      require.resolve("typescript/bin/tsc"),
      "--project",
      path.join(ROOT, "test", "realCli", "standin", "tsconfig.json"),
      "--outDir",
      OUT,
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (tsc.status !== 0) throw new Error(`compiling the stand-in failed:\n${tsc.stdout}${tsc.stderr}`);
  // The azure-native schema it serves (GetSchema), beside the compiled file that reads it.
  fs.copyFileSync(path.join(ROOT, SCHEMA), path.join(OUT, SCHEMA));
  const executable = path.join(OUT, "pulumi-resource-azure-native");
  const entry = path.join(OUT, MAIN.replace(/\.ts$/, ".js"));
  // The stand-in learns from its installed path which plugin it serves as (pluginIdentity.ts).
  fs.writeFileSync(
    executable,
    `#!/bin/sh\nAZURE_NATIVE_STANDIN_PLUGIN_PATH="$0" exec "${process.execPath}" "${entry}" "$@"\n`,
    { mode: 0o755 },
  );
  const version = require(require.resolve("@pulumi/azure-native/package.json", { paths: [ROOT] })).version;
  return { version, executable };
}

module.exports = { buildStandin };

if (require.main === module) {
  try {
    const { version, executable } = buildStandin();
    console.log(`${version} ${executable}`);
  } catch (err) {
    process.stderr.write(`pulumi-standin: ${err.message}\n`);
    process.exit(1);
  }
}
