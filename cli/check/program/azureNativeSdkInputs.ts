import * as fs from "fs";
import * as path from "path";

/**
 * Answers "does this azure-native resource take an optional input named X?" from the program's own copy of
 * @pulumi/azure-native: its generated class copies each input with `resourceInputs["X"] = args?.X` and throws for
 * missing required ones. Unversioned types only (API-version modules are separate local packages).
 */
export function azureNativeInputLookup(programDir: string): (type: string, property: string) => boolean {
  const cache = new Map<string, string | undefined>();
  const source = (type: string): string | undefined => {
    if (!cache.has(type)) cache.set(type, readClassSource(programDir, type));
    return cache.get(type);
  };
  return (type, property) => {
    const text = source(type);
    if (text === undefined) return false;
    const copied = text.includes(`resourceInputs["${property}"] = args?.${property};`);
    const required = text.includes(`args?.${property} === undefined && !opts.urn`);
    return copied && !required;
  };
}

function readClassSource(programDir: string, type: string): string | undefined {
  const match = /^azure-native:([a-z0-9]+):([A-Za-z0-9]+)$/.exec(type);
  if (!match) return undefined;
  try {
    const manifest = require.resolve("@pulumi/azure-native/package.json", { paths: [programDir] });
    const file = path.join(
      path.dirname(manifest),
      match[1],
      `${match[2][0].toLowerCase()}${match[2].slice(1)}.js`,
    );
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}
