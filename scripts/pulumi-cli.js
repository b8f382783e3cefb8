#!/usr/bin/env node
// `npm run --silent pulumi:cli`: a real Pulumi CLI for the tests. Its last line on stdout is the absolute path of the
// folder that holds `pulumi` and `pulumi-language-nodejs`. In order:
//   1. PULUMI_CLI: the path of a `pulumi` binary or of its folder;
//   2. a `pulumi` on PATH at or above the version that test/realCli/cliBuild/go.mod pins;
//   3. the build of that version in the cache folder, made here from Pulumi's Go modules the first time (about 9
//      minutes on two cores; progress on stderr), found at once afterwards.
// `--no-build` stops at 3 instead of building (exit 3). Nothing is written inside the repository.
"use strict";
const { execFileSync, spawnSync } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const { cacheFolder } = require("./cache-folder");
const path = require("path");

const BUILD_MODULE = path.join(__dirname, "..", "test", "realCli", "cliBuild");
// The .NET and Java hosts, which only generate SDKs: a module of their own, on the older Pulumi their generators need.
const CODEGEN_MODULE = path.join(BUILD_MODULE, "codegenhosts");
const PULUMI_MODULE = "github.com/pulumi/pulumi/pkg/v3";
const EXIT_NOT_BUILT = 3;

class CliUnavailable extends Error {}

/** The Pulumi release that go.mod pins: the one place the version is written. */
function pinnedVersion() {
  const goMod = fs.readFileSync(path.join(BUILD_MODULE, "go.mod"), "utf8");
  const match = new RegExp(`^\\s*${PULUMI_MODULE.replace(/\./g, "\\.")} (v\\d+\\.\\d+\\.\\d+)\\b`, "m").exec(
    goMod,
  );
  if (!match)
    throw new Error(`${BUILD_MODULE}/go.mod does not require ${PULUMI_MODULE} at a release version`);
  return match[1];
}

/** The cache folder of builds, outside the repository. */
function cacheRoot() {
  return cacheFolder("pulumi-cli");
}

/** A build is named after the version and a digest of the build module, so a change to our host rebuilds it. */
function buildDir(version) {
  const hash = crypto.createHash("sha256");
  for (const file of fs.readdirSync(BUILD_MODULE, { recursive: true }).sort()) {
    const full = path.join(BUILD_MODULE, file);
    if (fs.statSync(full).isFile()) hash.update(`${file}\0`).update(fs.readFileSync(full));
  }
  return path.join(cacheRoot(), `${version}-${hash.digest("hex").slice(0, 12)}`);
}

function versionOf(pulumi) {
  const run = spawnSync(pulumi, ["version"], {
    encoding: "utf8",
    env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
  });
  const version = (run.stdout ?? "").trim();
  if (run.status !== 0)
    throw new CliUnavailable(`${pulumi} version failed: ${(run.stderr || run.error?.message || "").trim()}`);
  if (!/^v?\d+\.\d+\.\d+/.test(version))
    throw new CliUnavailable(`${pulumi} version printed ${JSON.stringify(version)}, not a version`);
  return version;
}

function compareVersions(a, b) {
  const parts = (v) => v.replace(/^v/, "").split(/[.-]/).slice(0, 3).map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/** The folder of a CLI at or above `minimum` that has the Node.js language host beside it, or why it cannot serve. */
function checkedFolder(folder, origin, minimum) {
  for (const binary of ["pulumi", "pulumi-language-nodejs"]) {
    if (!fs.existsSync(path.join(folder, binary)))
      throw new CliUnavailable(`${origin}: ${folder} has no ${binary}`);
  }
  const version = versionOf(path.join(folder, "pulumi"));
  if (compareVersions(version, minimum) < 0)
    throw new CliUnavailable(`${origin}: pulumi ${version} is older than ${minimum}`);
  return folder;
}

/** PULUMI_CLI, which must serve when it is set: the user asked for it. */
function fromEnvironment(minimum) {
  const given = process.env.PULUMI_CLI;
  if (!given) return undefined;
  const folder = fs.existsSync(given) && fs.statSync(given).isDirectory() ? given : path.dirname(given);
  return checkedFolder(path.resolve(folder), `PULUMI_CLI=${given}`, minimum);
}

/** The first `pulumi` on PATH that serves; each one that does not says why on stderr. */
function fromPath(minimum) {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir || !fs.existsSync(path.join(dir, "pulumi"))) continue;
    try {
      return checkedFolder(dir, "pulumi on PATH", minimum);
    } catch (err) {
      if (!(err instanceof CliUnavailable)) throw err;
      process.stderr.write(`pulumi-cli: not used: ${err.message}\n`);
    }
  }
  return undefined;
}

function fromCache(version) {
  const bin = path.join(buildDir(version), "bin");
  return fs.existsSync(path.join(bin, ".complete")) ? bin : undefined;
}

function hasGo() {
  return spawnSync("go", ["version"], { stdio: "ignore" }).status === 0;
}

/** Our language hosts: every pulumi-language-<name> folder of a build module. */
function languageHosts(module = BUILD_MODULE) {
  return fs
    .readdirSync(module)
    .filter((name) => name.startsWith("pulumi-language-"))
    .sort();
}

/**
 * A host with a go.mod of its own is built with its own requirements (pulumi-language-yaml: pulumi-yaml v1.25.0 does
 * not compile against the pinned pkg/v3); the others are packages of the build module, built with `pulumi`.
 */
function ownModule(host) {
  return fs.existsSync(path.join(BUILD_MODULE, host, "go.mod"));
}

/** Builds pulumi and our language hosts from the pinned Go modules into the cache folder. */
function build(version) {
  if (!hasGo()) {
    throw new CliUnavailable(
      "Go is not installed, and no Pulumi CLI was given (PULUMI_CLI) or found on PATH",
    );
  }
  const dir = buildDir(version);
  const bin = path.join(dir, "bin");
  const started = Date.now();
  const log = (line) => process.stderr.write(`pulumi-cli: ${line}\n`);
  const allHosts = [...languageHosts(), ...languageHosts(CODEGEN_MODULE)].join(", ");
  log(`building pulumi ${version} and ${allHosts} from Pulumi's Go modules into ${bin}`);
  log(
    "the first build downloads the modules and compiles for 10-20 minutes on two cores; later calls find it at once",
  );
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(bin, { recursive: true });
  const go = (args, what, cwd = BUILD_MODULE) => {
    log(`${what} (go ${args[0]})...`);
    const run = spawnSync("go", args, {
      cwd,
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, CGO_ENABLED: "0" },
    });
    if (run.status !== 0) throw new Error(`go ${args.join(" ")} failed in ${cwd} (exit ${run.status})`);
    log(`${what}: done at ${((Date.now() - started) / 1000).toFixed(0)} s`);
  };
  const inModule = languageHosts().filter((host) => !ownModule(host));
  const apart = languageHosts().filter(ownModule);
  go(["mod", "download"], "downloading the modules");
  const buildFlags = ["-trimpath", "-tags", "osusergo,grpcnotrace", "-o", `${bin}${path.sep}`];
  const ldflags = `-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=${version}`;
  go(
    [
      "build",
      ...buildFlags,
      "-ldflags",
      ldflags,
      "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi",
      ...inModule.map((name) => `./${name}`),
    ],
    `compiling pulumi and ${inModule.join(", ")}`,
  );
  for (const host of apart) {
    const hostDir = path.join(BUILD_MODULE, host);
    go(["mod", "download"], `downloading the modules of ${host}`, hostDir);
    // Not the -X of pulumi's version: this host's Pulumi SDK is the release its own go.mod names.
    go(["build", ...buildFlags, "-ldflags", "-s -w", "."], `compiling ${host}`, hostDir);
  }
  // Downloads only the packages these hosts import (`go mod download` would fetch all of that Pulumi's modules).
  go(
    [
      "build",
      "-trimpath",
      "-ldflags",
      ldflags,
      "-o",
      `${bin}${path.sep}`,
      ...languageHosts(CODEGEN_MODULE).map((name) => `./${name}`),
    ],
    `compiling ${languageHosts(CODEGEN_MODULE).join(", ")}`,
    CODEGEN_MODULE,
  );
  const built = versionOf(path.join(bin, "pulumi"));
  if (built !== version) throw new Error(`the build says it is ${built}, not ${version}`);
  const seconds = (Date.now() - started) / 1000;
  fs.writeFileSync(
    path.join(bin, ".complete"),
    JSON.stringify({ version, seconds, builtAt: new Date().toISOString() }) + "\n",
  );
  log(`built pulumi ${version} in ${(seconds / 60).toFixed(1)} min`);
  return bin;
}

/**
 * The folder of a Pulumi CLI for the tests. Throws {@link CliUnavailable} when there is none and `build` is false
 * or Go is missing.
 */
function obtainPulumiCli({ build: mayBuild = true } = {}) {
  const version = pinnedVersion();
  const found = fromEnvironment(version) ?? fromPath(version) ?? fromCache(version);
  if (found) return found;
  if (!mayBuild)
    throw new CliUnavailable(
      `no Pulumi CLI: PULUMI_CLI is not set, no pulumi ${version}+ on PATH, and ${cacheRoot()} holds no build`,
    );
  return build(version);
}

module.exports = { obtainPulumiCli, pinnedVersion, CliUnavailable };

if (require.main === module) {
  try {
    console.log(obtainPulumiCli({ build: !process.argv.includes("--no-build") }));
  } catch (err) {
    process.stderr.write(`pulumi-cli: ${err.message}\n`);
    process.exit(err instanceof CliUnavailable ? EXIT_NOT_BUILT : 1);
  }
}
