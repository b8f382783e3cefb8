#!/usr/bin/env node
// `npm run --silent pulumi:python`: the Python packages that the Python consumer tests install, kept outside the
// repository so that pip can install them inside the tests' network-less sandbox. Its last line on stdout is the
// cache folder, which holds
//   wheels/  every wheel of examples/python/requirements.txt's pins and of pip's own tools (`pip download`);
//   venv/    a virtual environment with those pins installed from wheels/ (bytecode compiled).
// It is made once per digest of the pins and of the Python that runs it (about 2.5 minutes cold, most of it
// compiling pulumi-azure-native's bytecode), and found at once afterwards. A test gives each project a copy of
// venv/ (hard links: under a second) and points pip at wheels/ with PIP_NO_INDEX and PIP_FIND_LINKS, so that
// `pulumi package add` and `pulumi install` really run pip, offline.
"use strict";
const { spawnSync } = require("child_process");
const crypto = require("crypto");
const fs = require("fs");
const { cacheFolder } = require("./cache-folder");
const path = require("path");

const REQUIREMENTS = path.join(__dirname, "..", "examples", "python", "requirements.txt");
// What Pulumi's pip toolchain upgrades in every virtual environment it makes, pinned so that the cache is the same.
const PIP_TOOLS = ["pip==26.3", "setuptools==84.2.1", "wheel==0.48.0"];

/** The exact pins of examples/python/requirements.txt (`name==version` lines): what the example asks of PyPI. */
function examplePins() {
  const pins = fs
    .readFileSync(REQUIREMENTS, "utf8")
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, "").trim())
    .filter((line) => line !== "");
  const loose = pins.filter((line) => !/^[A-Za-z0-9_.-]+==[^=<>~!,;\s]+$/.test(line));
  if (loose.length > 0)
    throw new Error(
      `${REQUIREMENTS} must pin every package with ==, so that the cache can hold it: ${loose}`,
    );
  return pins;
}

function python() {
  return process.env.PULUMI_PYTHON_CMD || "python3";
}

function run(command, args, what) {
  const result = spawnSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (result.status !== 0)
    throw new Error(`${what} failed (${command} ${args.join(" ")}):\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

function cacheRoot() {
  return cacheFolder("python");
}

/** The cache folder of these pins under this Python (its version and platform are part of the digest). */
function cacheDir(pins) {
  const interpreter = run(
    python(),
    ["-c", "import sys, sysconfig; print(sys.version, sysconfig.get_platform())"],
    "asking Python its version",
  );
  const digest = crypto
    .createHash("sha256")
    .update(JSON.stringify({ pins, tools: PIP_TOOLS, interpreter }))
    .digest("hex")
    .slice(0, 12);
  return path.join(cacheRoot(), digest);
}

/** Downloads the wheels and builds the virtual environment into a fresh folder, then moves it into place. */
function build(dir, pins) {
  const log = (line) => process.stderr.write(`pulumi-python: ${line}\n`);
  const started = Date.now();
  const seconds = () => (Date.now() - started) / 1000;
  const staging = `${dir}.partial-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  try {
    const wheels = path.join(staging, "wheels");
    log(`downloading ${[...pins, ...PIP_TOOLS].join(" ")} and their dependencies from PyPI into ${dir}`);
    run(
      python(),
      ["-m", "pip", "download", "--only-binary=:all:", "--dest", wheels, ...pins, ...PIP_TOOLS],
      "pip download",
    );
    const downloaded = seconds();
    log(`downloaded in ${downloaded.toFixed(0)} s; making the virtual environment`);
    const venv = path.join(staging, "venv");
    run(python(), ["-m", "venv", venv], "python -m venv");
    const venvPython = path.join(venv, "bin", "python");
    const offline = ["-m", "pip", "install", "--no-index", "--find-links", wheels];
    run(venvPython, [...offline, ...PIP_TOOLS], "pip install of pip's tools");
    run(venvPython, [...offline, ...pins], "pip install of the pins");
    const total = seconds();
    log(`installed in ${(total - downloaded).toFixed(0)} s (${total.toFixed(0)} s in all)`);
    fs.writeFileSync(
      path.join(staging, ".complete"),
      JSON.stringify({ pins, tools: PIP_TOOLS, downloadSeconds: downloaded, totalSeconds: total }) + "\n",
    );
    try {
      fs.renameSync(staging, dir);
    } catch (err) {
      // Another process finished the same cache first: keep theirs.
      if (!fs.existsSync(path.join(dir, ".complete"))) throw err;
      fs.rmSync(staging, { recursive: true, force: true });
    }
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

/**
 * The cache of Python packages for the consumer tests: `{ dir, wheels, venv, pins }`, built when missing (this
 * needs PyPI: call it outside the tests' sandbox).
 */
function obtainPythonPackages() {
  const pins = examplePins();
  const dir = cacheDir(pins);
  if (!fs.existsSync(path.join(dir, ".complete"))) build(dir, pins);
  return { dir, wheels: path.join(dir, "wheels"), venv: path.join(dir, "venv"), pins };
}

module.exports = { obtainPythonPackages, PIP_TOOLS };

if (require.main === module) {
  try {
    console.log(obtainPythonPackages().dir);
  } catch (err) {
    process.stderr.write(`pulumi-python: ${err.message}\n`);
    process.exit(1);
  }
}
