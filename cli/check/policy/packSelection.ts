import * as fs from "fs";
import * as path from "path";
import { CheckError } from "../checkError";
import { PackPlan } from "./packFleet";
import { readPolicyConfigFile } from "./policyConfigFile";

/**
 * The packs to run and their config files. Given packs are used as given (`--policy-pack`, repeatable); else the
 * program's own `./policypack` when it has one; else the pack shipped with this package. As with the Pulumi CLI,
 * the n-th `--policy-pack-config` belongs to the n-th `--policy-pack`; one config file may go with the default pack.
 */
export function selectPolicyPacks(
  programDir: string,
  packs: readonly string[],
  configs: readonly string[],
): PackPlan[] {
  const dirs = packs.length > 0 ? packs.map((p) => path.resolve(p)) : [defaultPack(programDir)];
  if (configs.length > 0 && configs.length !== dirs.length) {
    throw new CheckError(
      packs.length === 0
        ? `${configs.length} --policy-pack-config files were given for the one default policy pack: give one, ` +
            "or name the packs with --policy-pack."
        : `The number of --policy-pack-config flags (${configs.length}) must match the number of --policy-pack ` +
            `flags (${packs.length}): the n-th config file configures the n-th pack.`,
    );
  }
  return dirs.map((dir, i) => ({
    dir,
    ...(configs[i] === undefined ? {} : { configFile: readPolicyConfigFile(configs[i]) }),
  }));
}

function defaultPack(programDir: string): string {
  const own = path.resolve(programDir, "policypack");
  if (fs.existsSync(path.join(own, "PulumiPolicy.yaml"))) return own;
  return shippedPack();
}

/**
 * The pack shipped with the commands: the same place relative to this file in both forms. Run compiled (from
 * cli/dist/, as installed), it is the compiled copy in cli/dist/policypack, which needs no TypeScript compiler in
 * the user's project; run from the sources, it is the repository's policypack/.
 */
function shippedPack(): string {
  return path.resolve(__dirname, "..", "..", "..", "policypack");
}
