#!/usr/bin/env node
// Runs the compiled CLI; `npm ci` builds it (the `prepare` script), and so does `npm run build`.

/** A module of the compiled CLI, or a message and exit 2 when dist/ was never built. */
function compiled(module) {
  try {
    return require(`../dist/cli/${module}`);
  } catch (err) {
    if (err && err.code === "MODULE_NOT_FOUND" && String(err.message).includes(`dist/cli/${module}`)) {
      process.stderr.write(
        "error: aks-trusted-access is not built: run `npm run build` in its folder first.\n",
      );
      process.exit(2);
    }
    throw err;
  }
}

// `check` runs the user's program in this process: start it again with the Node settings measured to help it
// (cli/check/programProcessFlags.ts), unless it already has them. Decided before the CLI loads, which the process
// started again does anyway.
function startAgainWithFlags() {
  if (process.argv[2] !== "check") return false;
  const flags = compiled("check/programProcessFlags.js");
  if (process.env[flags.RERUN_MARK] !== undefined) return false;
  const missing = flags.missingNodeFlags(process.execArgv);
  if (missing.length === 0) return false;
  const { spawn } = require("child_process");
  const child = spawn(
    process.execPath,
    [...process.execArgv, ...missing, __filename, ...process.argv.slice(2)],
    {
      stdio: "inherit",
      env: { ...process.env, [flags.RERUN_MARK]: "1" },
    },
  );
  // Ctrl-C reaches both through the terminal; a signal sent to this process alone is passed on.
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"];
  const forward = (signal) => child.kill(signal);
  for (const signal of signals) process.on(signal, forward);
  child.once("exit", (code, signal) => {
    for (const s of signals) process.off(s, forward);
    if (signal) process.kill(process.pid, signal);
    else process.exit(code === null ? 2 : code);
  });
  return true;
}

if (!startAgainWithFlags()) {
  compiled("main.js")
    .main(process.argv)
    .then(
      (code) => process.exit(code),
      (err) => {
        // The commands turn every expected failure into a message; this is the last resort for a bug of ours.
        process.stderr.write(
          `error: aks-trusted-access failed unexpectedly: ${err && err.message ? err.message : err}\n`,
        );
        process.exit(2);
      },
    );
}
