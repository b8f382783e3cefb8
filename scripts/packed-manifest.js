// `npm pack` and `npm publish` of the component package ship a package.json without devDependencies, scripts or
// workspaces: the tarball holds dist/ built already. `pulumi package add <unpacked package>` runs `npm install` in the
// plugin's folder, and with this manifest npm installs only the peers (@pulumi/pulumi and @pulumi/azure-native), which
// is what the plugin runs; with the repository's, it would install the build's and tests' tools and try to build.
//   node scripts/packed-manifest.js pack     # prepack: keep the repository's manifest aside, write the packed one
//   node scripts/packed-manifest.js unpack   # postpack: put the repository's manifest back
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const manifest = path.join(root, "package.json");
const aside = path.join(root, ".package.json.before-pack");

function restore() {
  if (fs.existsSync(aside)) fs.renameSync(aside, manifest);
}

const mode = process.argv[2];
if (mode === "pack") {
  restore(); // a pack that stopped before its postpack left the repository's manifest aside
  fs.copyFileSync(manifest, aside);
  const {
    devDependencies: _dev,
    scripts: _scripts,
    workspaces: _workspaces,
    ...packed
  } = JSON.parse(fs.readFileSync(manifest, "utf8"));
  fs.writeFileSync(manifest, `${JSON.stringify(packed, null, 2)}\n`);
} else if (mode === "unpack") {
  restore();
} else {
  console.error(`usage: node scripts/packed-manifest.js pack|unpack (got ${mode ?? "nothing"})`);
  process.exit(2);
}
