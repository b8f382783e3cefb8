// The one folder for what the scripts and tests fetch or build once per machine (the Pulumi CLI, PyPI packages,
// jars, the azure-native wheel): AKS_TRUSTED_ACCESS_CACHE, else XDG_CACHE_HOME or ~/.cache, then
// aks-trusted-access. It is outside the repository, so a fresh clone on the same machine finds it.
"use strict";
const os = require("os");
const path = require("path");

/** The cache folder of one kind of thing, e.g. `cacheFolder("python")`. */
function cacheFolder(kind) {
  const base =
    process.env.AKS_TRUSTED_ACCESS_CACHE ??
    path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "aks-trusted-access");
  return path.join(base, kind);
}

module.exports = { cacheFolder };
