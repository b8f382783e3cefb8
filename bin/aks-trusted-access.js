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
