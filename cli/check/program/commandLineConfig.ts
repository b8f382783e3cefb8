import { CheckError } from "../checkError";
import { ConfigPath, parseConfigPath, pathLeafValue } from "./configPath";

/** One `-c, --config KEY=VALUE` of the command line, parsed. */
export interface ConfigSetting {
  /** `"<namespace>:<name>"`: the top-level config key it sets. */
  readonly key: string;
  /** Below the key, with `--config-path`; empty when the setting replaces the whole key. */
  readonly path: ConfigPath;
  readonly value: string | number | boolean;
}

/**
 * Parses `--config` settings as `pulumi preview -c` does: a key without a namespace belongs to the project; with
 * `configPath` the key is a property path (`app:tags.team`, `app:pools[0].name`) and a leaf that reads as a
 * boolean or an integer becomes one. Every problem is a {@link CheckError} naming the setting.
 */
export function parseConfigSettings(
  settings: readonly string[],
  project: string,
  configPath: boolean,
): ConfigSetting[] {
  return settings.map((setting) => {
    const equals = setting.indexOf("=");
    const flag = `--config "${setting}"`;
    if (equals < 0) {
      throw new CheckError(
        `${flag} has no "=": write KEY=VALUE, e.g. --config ${project}:region=westeurope.`,
      );
    }
    const key = setting.slice(0, equals);
    const value = setting.slice(equals + 1);
    const { namespace, name } = splitKey(key, flag, project, configPath);
    if (!configPath) return { key: `${namespace}:${name}`, path: [], value };
    let path: ConfigPath;
    try {
      path = parseConfigPath(name);
    } catch (err) {
      throw new CheckError(
        `${flag}: "${name}" is not a property path (${(err as Error).message}); write e.g. ` +
          `${namespace}:tags.team or ${namespace}:pools[0].name.`,
      );
    }
    const [first, ...rest] = path;
    return {
      key: `${namespace}:${String(first)}`,
      path: rest,
      value: rest.length === 0 ? value : pathLeafValue(value),
    };
  });
}

function splitKey(
  key: string,
  flag: string,
  project: string,
  configPath: boolean,
): { namespace: string; name: string } {
  if (key.trim() === "") throw new CheckError(`${flag} has no key before "=": write KEY=VALUE.`);
  // With a path, a colon inside a quoted key (["a:b"]) is part of the path, not the namespace.
  const pathStart = configPath ? key.search(/[.[]/) : -1;
  const colon = key.indexOf(":");
  const namespaced = colon >= 0 && (pathStart < 0 || colon < pathStart);
  if (!namespaced) return { namespace: project, name: key };
  const namespace = key.slice(0, colon);
  const name = key.slice(colon + 1);
  const extraColon = !configPath && name.includes(":");
  if (namespace === "" || name === "" || extraColon) {
    throw new CheckError(
      `${flag}: key "${key}" is not of the form <namespace>:<name> or <name> ` +
        `(a bare name belongs to the project: ${project}:<name>).`,
    );
  }
  return { namespace, name };
}
