// After `tsc` compiled policypack/ into dist/policypack/, make that folder a policy pack of its own: the Pulumi CLI
// (and `check`) then run plain JavaScript there, with no TypeScript compiler needed in the user's project.
const fs = require("fs");
const path = require("path");

const source = path.join(__dirname, "..", "policypack");
const target = path.join(__dirname, "..", "dist", "policypack");
const manifest = JSON.parse(fs.readFileSync(path.join(source, "package.json"), "utf8"));
// ts-node and typescript only compile the TypeScript pack; the compiled one needs neither.
const { "ts-node": _tsNode, typescript: _typescript, ...dependencies } = manifest.dependencies;
fs.writeFileSync(
  path.join(target, "package.json"),
  JSON.stringify({ ...manifest, main: "index.js", dependencies }, null, 2) + "\n",
);
fs.copyFileSync(path.join(source, "PulumiPolicy.yaml"), path.join(target, "PulumiPolicy.yaml"));
