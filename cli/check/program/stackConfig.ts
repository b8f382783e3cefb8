import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import { messageOf } from "../../command/commandError";
import { CheckError } from "../checkError";
import { PulumiProject } from "./pulumiProject";

/** Pulumi's wire value for "not known during preview"; a secret this tool cannot decrypt becomes this value. */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** The stack this check simulates: its name and its configuration as the Pulumi CLI hands it to a program. */
export interface StackConfig {
  readonly stack: string;
  /** `"<namespace>:<key>"` to the value as a string (objects as JSON), like `PULUMI_CONFIG`. */
  readonly values: Readonly<Record<string, string>>;
  /** Keys whose values are secrets (`secure:` in the stack file, or `secret: true` in Pulumi.yaml). */
  readonly secretKeys: readonly string[];
  /** The stack file read, when `--stack` was given. */
  readonly file?: string;
}

/** The stack name used without `--stack`: a new stack with no stack configuration. */
export const DEFAULT_STACK = "check";

/**
 * Merges Pulumi.yaml's project config with `Pulumi.<stack>.yaml` (when `stack` is given), as `pulumi preview` does.
 * `secure:` values cannot be decrypted here: they become unknown secrets, so the program runs on and policies skip
 * what depends on them, as a preview skips what it cannot know.
 */
export function readStackConfig(project: PulumiProject, stack: string | undefined): StackConfig {
  const values: Record<string, string> = {};
  const secretKeys = new Set<string>();
  const required: string[] = [];
  for (const [key, entry] of project.config) {
    if (entry.value === undefined) required.push(key);
    else values[key] = configString(entry.value, key, "Pulumi.yaml", () => secretKeys.add(key));
    if (entry.secret) secretKeys.add(key);
  }
  let file: string | undefined;
  if (stack !== undefined) {
    file = path.join(project.dir, `Pulumi.${stack}.yaml`);
    const shown = path.relative(process.cwd(), file) || file;
    if (!fs.existsSync(file)) {
      throw new CheckError(
        `--stack ${stack}: there is no ${shown}, so stack "${stack}" has no configuration to read. ` +
          "Create that file, or leave out --stack to check the program with its project config only.",
      );
    }
    for (const [key, value] of Object.entries(stackSection(file, shown))) {
      if (!key.includes(":") || key.startsWith(":") || key.endsWith(":")) {
        throw new CheckError(
          `${shown}: config key "${key}" is not of the form <namespace>:<name>; write "${project.name}:${key}" ` +
            "for a key of this project.",
        );
      }
      values[key] = configString(value, key, shown, () => secretKeys.add(key));
    }
  }
  const missing = required.filter((key) => !(key in values));
  if (missing.length > 0) {
    throw new CheckError(
      `Stack "${stack ?? DEFAULT_STACK}" is missing configuration ${missing.map((k) => `"${k}"`).join(", ")}, ` +
        "which Pulumi.yaml declares without a default: set it in the stack file and pass --stack.",
    );
  }
  return {
    stack: stack ?? DEFAULT_STACK,
    values,
    secretKeys: [...secretKeys].sort(),
    ...(file ? { file } : {}),
  };
}

function stackSection(file: string, shown: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = yaml.load(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new CheckError(`${shown} is not valid YAML: ${messageOf(err)}`);
  }
  if (doc === undefined || doc === null) return {};
  const config = (doc as Record<string, unknown>)["config"];
  if (config === undefined || config === null) return {};
  if (typeof config !== "object" || Array.isArray(config)) {
    throw new CheckError(`${shown}: config must be a mapping of "<namespace>:<name>" keys to values.`);
  }
  return config as Record<string, unknown>;
}

/** A config value as the CLI passes it to the program: strings as they are, everything else as JSON. */
function configString(value: unknown, key: string, where: string, markSecret: () => void): string {
  if (isSecure(value)) {
    markSecret();
    return UNKNOWN_VALUE;
  }
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value === null) {
    throw new CheckError(`${where}: config "${key}" has no value: give it one, or remove the key.`);
  }
  return JSON.stringify(replaceSecure(value, markSecret));
}

function isSecure(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as Record<string, unknown>)["secure"] === "string"
  );
}

/** Structured config may hold `secure:` leaves; each becomes the unknown value and makes the whole key secret. */
function replaceSecure(value: unknown, markSecret: () => void): unknown {
  if (isSecure(value)) {
    markSecret();
    return UNKNOWN_VALUE;
  }
  if (Array.isArray(value)) return value.map((v) => replaceSecure(v, markSecret));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceSecure(v, markSecret)]));
  }
  return value;
}
