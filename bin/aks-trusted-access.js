#!/usr/bin/env node
// Runs the compiled CLI; `npm ci` builds it (the `prepare` script), and so does `npm run build`.
let cli;
try {
  cli = require("../dist/cli/main.js");
} catch (err) {
  if (err && err.code === "MODULE_NOT_FOUND" && String(err.message).includes("dist/cli/main.js")) {
    process.stderr.write(
      "error: aks-trusted-access is not built: run `npm run build` in its folder first.\n",
    );
    process.exit(2);
  }
  throw err;
}
// `check` runs the user's program in this process: start it again with the Node settings measured to help it
// (cli/check/programProcessFlags.ts), unless it already has them.
if (process.argv[2] === "check" && process.env.AKS_TRUSTED_ACCESS_CHECK_RERUN === undefined) {
  const flags = require("../dist/cli/check/programProcessFlags.js");
  const missing = flags.missingNodeFlags(process.execArgv);
  if (missing.length > 0) {
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
    return;
  }
}
cli.main(process.argv).then(
  (code) => process.exit(code),
  (err) => {
    // The commands turn every expected failure into a message; this is the last resort for a bug of ours.
    process.stderr.write(
      `error: aks-trusted-access failed unexpectedly: ${err && err.message ? err.message : err}\n`,
    );
    process.exit(2);
  },
);
