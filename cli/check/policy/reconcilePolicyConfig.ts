import Ajv, { ErrorObject } from "ajv";
import { JsonValue, PackInfo, PolicyConfig, PolicyInfo } from "../../packHost";
import { CheckError } from "../checkError";
import { PolicyConfigFile } from "./policyConfigFile";

type Config = Record<
  string,
  { enforcementLevel?: PolicyConfig["enforcementLevel"]; properties?: Record<string, JsonValue> }
>;

/**
 * The configuration the Pulumi CLI sends a pack in Configure (ReconcilePolicyPackConfig): every policy at its own
 * level with its schema's defaults, then the pack's initial config, then the file — `all` first, then each policy —
 * and each policy's settings validated against its config schema. Unlike the CLI, a file entry that names no policy
 * of the pack is an error: in a per-pack file it can only be a typo, and a typo would silently drop a setting.
 */
export function reconcilePolicyConfig(
  info: PackInfo,
  given?: PolicyConfigFile,
): Record<string, PolicyConfig> {
  const source = given === undefined ? "" : ` (${given.flag} ${given.file})`;
  const known = new Set(info.policies.map((p) => p.name));
  const strays = Object.keys(given?.entries ?? {}).filter((k) => k !== "all" && !known.has(k));
  if (strays.length > 0) {
    throw new CheckError(
      `Policy pack "${info.name}"${source} has no polic${strays.length === 1 ? "y" : "ies"} ` +
        `${strays.map((s) => `"${s}"`).join(", ")}: its policies are ${[...known].map((k) => `"${k}"`).join(", ")} ` +
        '(and "all" sets every level).',
    );
  }
  let config: Config = Object.fromEntries(info.policies.map((p) => [p.name, withDefaults(p)]));
  config = apply(config, info.initialConfig);
  if (given !== undefined) config = apply(config, given.entries);
  const problems = info.policies.flatMap((p) => validate(p, config[p.name]?.properties ?? {}));
  if (problems.length > 0) {
    throw new CheckError(`Policy pack "${info.name}" config${source} is not valid: ${problems.join("; ")}.`);
  }
  const result: Record<string, PolicyConfig> = {};
  for (const [policy, entry] of Object.entries(config)) {
    // "all" carries only a level, already applied to each policy.
    if (policy === "all" || entry.enforcementLevel === undefined) continue;
    result[policy] = {
      enforcementLevel: entry.enforcementLevel,
      ...(entry.properties ? { properties: entry.properties } : {}),
    };
  }
  return result;
}

function withDefaults(policy: PolicyInfo): Config[string] {
  const defaults: Record<string, JsonValue> = {};
  for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
    if (typeof schema === "object" && schema !== null && !Array.isArray(schema) && "default" in schema) {
      defaults[key] = (schema as Record<string, JsonValue>)["default"];
    }
  }
  return {
    enforcementLevel: policy.enforcementLevel,
    ...(Object.keys(defaults).length > 0 ? { properties: defaults } : {}),
  };
}

/** The CLI's applyConfig: `all` sets every level, then each entry overrides its policy's level and settings. */
function apply(config: Config, entries: Readonly<Record<string, Config[string]>>): Config {
  const result: Config = { ...config };
  const all = entries["all"]?.enforcementLevel;
  if (all !== undefined) {
    for (const policy of Object.keys(result)) result[policy] = { ...result[policy], enforcementLevel: all };
  }
  for (const [policy, entry] of Object.entries(entries)) {
    if (policy === "all") continue;
    const current = result[policy] ?? {};
    result[policy] = {
      ...current,
      ...(entry.enforcementLevel === undefined ? {} : { enforcementLevel: entry.enforcementLevel }),
      ...(entry.properties === undefined
        ? {}
        : { properties: { ...current.properties, ...entry.properties } }),
    };
  }
  return result;
}

const ajv = new Ajv({ allErrors: true, strict: false });

function validate(policy: PolicyInfo, properties: Record<string, JsonValue>): string[] {
  const schema = policy.configSchema;
  if (schema === undefined) return [];
  const check = ajv.compile({
    type: "object",
    properties: schema.properties,
    ...(schema.required.length > 0 ? { required: schema.required } : {}),
  });
  if (check(properties)) return [];
  return (check.errors ?? []).map(
    (e) => `policy "${policy.name}": ${describe(e, properties, schema.properties)}`,
  );
}

/** An ajv error as a sentence naming the property, its value and what is allowed. */
function describe(
  error: ErrorObject,
  properties: Record<string, JsonValue>,
  schemas: Record<string, JsonValue>,
): string {
  const path = error.instancePath
    .split("/")
    .slice(1)
    .map((part, i) => (/^\d+$/.test(part) ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join("");
  const value = error.instancePath
    .split("/")
    .slice(1)
    .reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key], properties);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required":
      return `property "${String(params["missingProperty"])}" is required`;
    case "type":
      return `property "${path}" is ${JSON.stringify(value)}, but it must be ${article(String(params["type"]))}`;
    case "enum":
      return (
        `property "${path}" is ${JSON.stringify(value)}, but it must be one of ` +
        (params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")
      );
    case "additionalProperties":
      return (
        `"${String(params["additionalProperty"])}" is not a setting of this policy` +
        (Object.keys(schemas).length > 0 ? ` (its settings: ${Object.keys(schemas).join(", ")})` : "")
      );
    default:
      return `property "${path}" is ${JSON.stringify(value)}, but it ${error.message ?? "is not allowed"}`;
  }
}

function article(type: string): string {
  const names: Record<string, string> = {
    array: "an array",
    object: "an object",
    integer: "an integer",
    string: "a string",
    number: "a number",
    boolean: "a boolean (true or false)",
    null: "null",
  };
  return type
    .split(",")
    .map((t) => names[t] ?? t)
    .join(" or ");
}
