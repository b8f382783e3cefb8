#!/usr/bin/env node
// Runs the compiled CLI; `npm ci` builds it (the `prepare` script).
require("../dist/cli/main.js")
  .main(process.argv)
  .then((code) => process.exit(code));
