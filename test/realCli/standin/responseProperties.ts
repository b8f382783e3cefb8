import * as fs from "fs";
import * as path from "path";

/** `azure-native:<module>[/<api version>]:<Type>` */
const TOKEN = /^azure-native:([a-z0-9]+)(?:\/(v[0-9a-z]+))?:([A-Za-z0-9]+)$/;
const OUTPUT = /resourceInputs\["([A-Za-z0-9_$]+)"\] = undefined \/\*out\*\//g;

const cache = new Map<string, readonly string[] | undefined>();

/**
 * The top-level properties of a type's ARM response, as azure-native's SDK lists them: its generated class sets
 * each one to `undefined /*out*\/` when a resource is looked up by id. azure-native's preview of a new resource gives
 * every one of them, the input's value where the program gave one and unknown otherwise; the stand-in needs the list
 * to do the same. `undefined` when the SDK has no class for the type.
 */
export function responseProperties(type: string): readonly string[] | undefined {
  if (!cache.has(type)) cache.set(type, readResponseProperties(type));
  return cache.get(type);
}

function readResponseProperties(type: string): readonly string[] | undefined {
  const match = TOKEN.exec(type);
  if (!match) return undefined;
  const [, module, version, name] = match;
  let file: string;
  try {
    const root = path.dirname(require.resolve("@pulumi/azure-native/package.json"));
    file = path.join(
      root,
      module,
      ...(version ? [version] : []),
      `${name[0].toLowerCase()}${name.slice(1)}.js`,
    );
  } catch {
    return undefined;
  }
  if (!fs.existsSync(file)) return undefined;
  const source = fs.readFileSync(file, "utf8");
  // The branch for a lookup by id (`else` of `if (!opts.id)`) lists every output.
  const lookup = source.slice(source.indexOf("else {", source.indexOf("if (!opts.id)")));
  const names = [...lookup.matchAll(OUTPUT)].map((m) => m[1]);
  return names.length > 0 ? names : undefined;
}
