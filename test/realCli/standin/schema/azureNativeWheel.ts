import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { cacheFolder } from "../../../support/cacheFolder";

/**
 * The `pulumi_azure_native` folder of the PyPI wheel `pulumi-azure-native==<version>`, limited to the given modules
 * and its plugin manifest: downloaded once with pip (outside any sandbox: it needs PyPI) into the cache folder
 * outside the repository, unpacked beside it, found there afterwards.
 */
export function azureNativeWheel(version: string, modules: readonly string[]): string {
  const dir = path.join(cacheFolder("azure-native-wheel"), version);
  const unpacked = path.join(dir, `unpacked-${[...modules].sort().join("-")}`);
  const packageDir = path.join(unpacked, "pulumi_azure_native");
  if (fs.existsSync(path.join(packageDir, "pulumi-plugin.json"))) return packageDir;

  const download = path.join(dir, "download");
  let wheel = findWheel(download);
  if (wheel === undefined) {
    const pip = spawnSync(
      "python3",
      ["-m", "pip", "download", "--no-deps", "--quiet", "-d", download, `pulumi-azure-native==${version}`],
      { encoding: "utf8" },
    );
    wheel = findWheel(download);
    if (pip.status !== 0 || wheel === undefined)
      throw new Error(`pip download pulumi-azure-native==${version} failed:\n${pip.stdout}${pip.stderr}`);
  }
  // Only the manifest and the modules' files: the whole wheel unpacks to hundreds of megabytes.
  const prefixes = [
    "pulumi_azure_native/pulumi-plugin.json",
    ...modules.map((m) => `pulumi_azure_native/${m}/`),
  ];
  const partial = `${unpacked}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  const unzip = spawnSync(
    "python3",
    [
      "-c",
      "import sys, zipfile\n" +
        "z = zipfile.ZipFile(sys.argv[1])\n" +
        "z.extractall(sys.argv[2], [n for n in z.namelist() if n.startswith(tuple(sys.argv[3:]))])",
      wheel,
      partial,
      ...prefixes,
    ],
    { encoding: "utf8" },
  );
  if (unzip.status !== 0) throw new Error(`unpacking ${wheel} failed:\n${unzip.stderr}`);
  fs.rmSync(unpacked, { recursive: true, force: true });
  fs.renameSync(partial, unpacked);
  return packageDir;
}

function findWheel(dir: string): string | undefined {
  if (!fs.existsSync(dir)) return undefined;
  const name = fs.readdirSync(dir).find((f) => /^pulumi_azure_native-.*\.whl$/.test(f));
  return name === undefined ? undefined : path.join(dir, name);
}
