import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import { messageOf } from "../../command/commandError";
import { CheckError } from "../checkError";
import { parseConfigSettings } from "./commandLineConfig";
import { setAtPath } from "./configPath";
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

/** Where a check's stack config comes from, as `pulumi preview` takes it. */
export interface StackConfigOptions {
  /** `--stack`: read `Pulumi.<stack>.yaml` (unless `configFile` is given). */
  readonly stack?: string;
  /** `--config-file`: read this stack file instead of `Pulumi.<stack>.yaml`. */
  readonly configFile?: string;
  /** `-c, --config KEY=VALUE` settings, applied over the files in order. */
  readonly settings?: readonly string[];
  /** `--config-path`: the settings' keys are property paths. */
  readonly configPath?: boolean;
}

/**
 * Merges Pulumi.yaml's project config with the stack file (`--config-file`, else `Pulumi.<stack>.yaml` with
 * `--stack`) and the command line's `--config` settings, as `pulumi preview` does. `secure:` values cannot be
 * decrypted here: they become unknown secrets, so the program runs on and policies skip what depends on them, as a
 * preview skips what it cannot know.
 */
export function readStackConfig(project: PulumiProject, options: StackConfigOptions = {}): StackConfig {
  const { stack } = options;
  const values = new Map<string, unknown>();
  const secretKeys = new Set<string>();
  const declaredSecret = new Set<string>();
  const required: string[] = [];
  for (const [key, entry] of project.config) {
    if (entry.value === undefined) required.push(key);
    else
      values.set(
        key,
        configValue(entry.value, key, "Pulumi.yaml", () => secretKeys.add(key)),
      );
    if (entry.secret) declaredSecret.add(key);
  }
  const file = stackFile(project, options);
  if (file !== undefined) {
    const shown = path.relative(process.cwd(), file) || file;
    for (const [key, value] of Object.entries(stackSection(file, shown))) {
      if (!key.includes(":") || key.startsWith(":") || key.endsWith(":")) {
        throw new CheckError(
          `${shown}: config key "${key}" is not of the form <namespace>:<name>; write "${project.name}:${key}" ` +
            "for a key of this project.",
        );
      }
      values.set(
        key,
        configValue(value, key, shown, () => secretKeys.add(key)),
      );
    }
  }
  for (const setting of parseConfigSettings(
    options.settings ?? [],
    project.name,
    options.configPath === true,
  )) {
    // A whole value from the command line is plain text; a path into a secret value leaves it secret.
    if (setting.path.length === 0) secretKeys.delete(setting.key);
    try {
      values.set(setting.key, setAtPath(values.get(setting.key), setting.path, setting.value));
    } catch (err) {
      throw new CheckError(
        `--config for "${setting.key}": ${(err as Error).message}, so the path cannot be set; the value is ` +
          `${JSON.stringify(values.get(setting.key))}.`,
      );
    }
  }
  const missing = required.filter((key) => !values.has(key));
  if (missing.length > 0) {
    throw new CheckError(
      `Stack "${stack ?? DEFAULT_STACK}" is missing configuration ${missing.map((k) => `"${k}"`).join(", ")}, ` +
        "which Pulumi.yaml declares without a default: set it in the stack file and pass --stack, or pass " +
        "--config KEY=VALUE.",
    );
  }
  return {
    stack: stack ?? DEFAULT_STACK,
    values: Object.fromEntries([...values].map(([key, value]) => [key, configString(value)])),
    secretKeys: [...new Set([...secretKeys, ...declaredSecret])].sort(),
    ...(file ? { file } : {}),
  };
}

/** The stack file to read: `--config-file`, else `Pulumi.<stack>.yaml` with `--stack`, else none. */
function stackFile(project: PulumiProject, options: StackConfigOptions): string | undefined {
  if (options.configFile !== undefined) {
    const file = path.resolve(options.configFile);
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      throw new CheckError(
        `--config-file ${options.configFile}: there is no such file. Give the path of a stack config file ` +
          "(the form of Pulumi.<stack>.yaml), relative to the current folder.",
      );
    }
    return file;
  }
  if (options.stack === undefined) return undefined;
  const { stack } = options;
  const file = path.join(project.dir, `Pulumi.${stack}.yaml`);
  if (!fs.existsSync(file)) {
    const shown = path.relative(process.cwd(), file) || file;
    throw new CheckError(
      `--stack ${stack}: there is no ${shown}, so stack "${stack}" has no configuration to read. ` +
        "Create that file, or leave out --stack to check the program with its project config only.",
    );
  }
  return file;
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

/** A config value as read from a file: `secure:` leaves become the unknown value and mark the key secret. */
function configValue(value: unknown, key: string, where: string, markSecret: () => void): unknown {
  if (value === null) {
    throw new CheckError(`${where}: config "${key}" has no value: give it one, or remove the key.`);
  }
  return replaceSecure(value, markSecret);
}

/** A config value as the CLI passes it to the program: strings as they are, everything else as JSON. */
function configString(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
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
