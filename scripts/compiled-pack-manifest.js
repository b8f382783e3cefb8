// After `tsc` compiled the pack into cli/dist/policypack/ (the commands' copy), make that folder a policy pack of its
// own: `check` runs plain JavaScript there by default, with no TypeScript compiler needed in the user's project.
const fs = require("fs");
const path = require("path");

const source = path.join(__dirname, "..", "policypack");
const target = path.join(__dirname, "..", "cli", "dist", "policypack");
const {
  main: _main,
  types: _types,
  files: _files,
  ...manifest
} = JSON.parse(fs.readFileSync(path.join(source, "package.json"), "utf8"));
fs.writeFileSync(
  path.join(target, "package.json"),
  JSON.stringify({ ...manifest, private: true, main: "index.js" }, null, 2) + "\n",
);
fs.copyFileSync(path.join(source, "PulumiPolicy.yaml"), path.join(target, "PulumiPolicy.yaml"));
