import * as fs from "fs";
import * as path from "path";
import { CLUSTER_RULES } from "../../domain";
import { stringList, textOr } from "../../policypack/mechanics/configValues";
import { describePolicies } from "../check/policy/describePolicies";
import { readPolicyConfigFile } from "../check/policy/policyConfigFile";
import { reconcilePolicyConfig } from "../check/policy/reconcilePolicyConfig";
import { POLICY_CONFIG_FLAG } from "./auditFlags";
import type { Enforcement, PolicyExemptions } from "./enforcement";

/**
 * The enforcement `audit` applies: the pack's own policies, with their levels and config schemas, configured by a
 * `--policy-config` file exactly as `check --policy-pack-config` configures the running pack (the same reading and
 * validation, the same reconciling: `all`, then each policy). A bad file is a `CheckError` naming the file, the
 * policy, the setting, the value and what is allowed.
 */
export async function loadEnforcement(file?: string): Promise<Enforcement> {
  // Loaded here rather than imported above: the policies bring the policy SDK, which only `audit` needs.
  const { PACK_NAME, PACK_POLICIES } = await import("../../policypack/policies");
  const info = describePolicies({ name: PACK_NAME, version: packVersion() }, PACK_POLICIES);
  const config = reconcilePolicyConfig(
    info,
    file === undefined ? undefined : readPolicyConfigFile(file, POLICY_CONFIG_FLAG),
  );
  const exemptions: Record<string, PolicyExemptions> = {};
  for (const [policy, { properties = {} }] of Object.entries(config)) {
    // The schema of every policy that takes exemptions gives exemptTag a default, which reconciling fills in.
    if (!("exemptTag" in properties)) continue;
    exemptions[policy] = {
      clusters: stringList(properties["exemptClusters"]),
      tag: textOr(properties["exemptTag"], ""),
    };
  }
  const nodeOs = config[CLUSTER_RULES["node-os-auto-upgrade"].policy]?.properties ?? {};
  return {
    ...(file === undefined ? {} : { configFile: file }),
    levels: Object.fromEntries(Object.entries(config).map(([policy, c]) => [policy, c.enforcementLevel])),
    exemptions,
    requireMaintenanceWindow: nodeOs["requireMaintenanceWindow"] === true,
  };
}

/** The version in the pack's package.json, beside its policies' folder (in the sources and in dist/ alike). */
function packVersion(): string {
  const policies = path.dirname(require.resolve("../../policypack/policies"));
  const manifest = JSON.parse(fs.readFileSync(path.join(policies, "..", "package.json"), "utf8")) as {
    version?: unknown;
  };
  return typeof manifest.version === "string" ? manifest.version : "";
}
