import * as fs from "fs";
import * as path from "path";
import { ENFORCEMENT_LEVELS, EnforcementLevel, JsonValue } from "../../packHost/types";
import { messageOf } from "../../command/commandError";
import { CheckError } from "../checkError";

/** One entry of a `--policy-pack-config` file: a level, settings, or both. */
export interface PolicyConfigEntry {
  readonly enforcementLevel?: EnforcementLevel;
  readonly properties?: Readonly<Record<string, JsonValue>>;
}

/** A `--policy-pack-config` file: `{ "<policy>": "<level>" | { enforcementLevel?, ...settings }, "all": "<level>" }`. */
export interface PolicyConfigFile {
  /** As given on the command line, for messages. */
  readonly file: string;
  /** The option that named it (`check`'s `--policy-pack-config`, `audit`'s `--policy-config`), for messages. */
  readonly flag: string;
  readonly entries: Readonly<Record<string, PolicyConfigEntry>>;
}

const LEVELS = ENFORCEMENT_LEVELS.map((l) => `"${l}"`).join(", ");

/**
 * Reads a config file in the Pulumi CLI's format, with its checks (LoadPolicyPackConfigFromFile); `flag` is the
 * option that named it, which every message names.
 */
export function readPolicyConfigFile(file: string, flag = "--policy-pack-config"): PolicyConfigFile {
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(file), "utf8");
  } catch (err) {
    throw new CheckError(`${flag} ${file} cannot be read: ${messageOf(err)}`);
  }
  // The CLI allows an empty file.
  if (text.trim() === "") return { file, flag, entries: {} };
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new CheckError(`${flag} ${file} is not valid JSON: ${messageOf(err)}`);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new CheckError(
      `${flag} ${file} must hold a JSON object of policy names to an enforcement level or an ` +
        'object of settings, e.g. { "all": "advisory", "some-policy": { "enforcementLevel": "mandatory" } }.',
    );
  }
  const entries: Record<string, PolicyConfigEntry> = {};
  for (const [policy, value] of Object.entries(doc as Record<string, unknown>)) {
    const entry = parseEntry(`${flag} ${file}`, policy, value);
    // The CLI leaves out empty entries.
    if (entry.enforcementLevel !== undefined || entry.properties !== undefined) entries[policy] = entry;
  }
  return { file, flag, entries };
}

/** `source`: the option and the file, as messages name them. */
function parseEntry(source: string, policy: string, value: unknown): PolicyConfigEntry {
  if (typeof value === "string") return { enforcementLevel: level(source, policy, value) };
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new CheckError(
      `${source}: "${policy}" is ${JSON.stringify(value)}; give an enforcement level ` +
        `(${LEVELS}) or an object of settings.`,
    );
  }
  const { enforcementLevel, ...properties } = value as Record<string, JsonValue>;
  return {
    ...(enforcementLevel === undefined
      ? {}
      : { enforcementLevel: level(source, `${policy}.enforcementLevel`, enforcementLevel) }),
    ...(Object.keys(properties).length === 0 ? {} : { properties }),
  };
}

function level(source: string, where: string, value: unknown): EnforcementLevel {
  if (typeof value === "string" && (ENFORCEMENT_LEVELS as readonly string[]).includes(value)) {
    return value as EnforcementLevel;
  }
  throw new CheckError(
    `${source}: "${where}" is ${JSON.stringify(value)}, which is not an enforcement level: ` +
      `use one of ${LEVELS}.`,
  );
}
