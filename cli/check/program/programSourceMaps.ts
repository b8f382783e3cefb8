import * as fs from "fs";
import { SourceMap, SourceMapPayload } from "module";
import * as path from "path";
import { fileURLToPath } from "url";

/**
 * Positions in the program's sources, as under Pulumi (ts-node's source-map-support) its stack traces give them: a
 * position in a file this process compiled, or in a user's JavaScript file that names its source map, is the
 * source's file:line:column. sourceLocation.ts asks for the positions check reports (the line that declares a
 * resource, the line that threw); nothing else is mapped.
 *
 * Not Node's own source maps (`process.setSourceMapsEnabled`), nor a stack trace formatter: the SDK formats a stack
 * trace for every promise it makes (`debuggablePromise`), and mapping each of its frames, as Node's maps did, cost
 * about 0.2 s of the run's 4 s of CPU on the AKS-shaped program of `npm run bench` at 10 clusters (medians of 6 runs
 * each, type-checking off); a formatter of ours in JavaScript cost as much as Node's. Here a stack trace costs
 * nothing more, and a position asked for costs a Map lookup.
 */

/** A source map, with the folder its sources are relative to: the map file's, or the compiled file's for an inline map. */
interface LoadedMap {
  readonly map: SourceMap;
  readonly dir: string;
}

/** Each file compiled by the TypeScript hook: its compiled text until a position needs its map, then the map. */
const compiled = new Map<string, string | LoadedMap | undefined>();
/** The user's JavaScript files looked at: their source map, or undefined when they name none. */
const userScripts = new Map<string, LoadedMap | undefined>();

/** Remembers the compiled text of a program file, with the inline source map ts-node writes. */
export function rememberCompiled(file: string, code: string): void {
  compiled.set(file, code);
}

interface Position {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Where a 1-based position of a compiled file comes from, or undefined when it was not compiled with a map. Ask only
 * about the user's files: a JavaScript file not compiled here is read for its source map comment.
 */
export function originalPosition(file: string, line: number, column: number): Position | undefined {
  const loaded = sourceMapOf(file);
  if (loaded === undefined) return undefined;
  const entry = loaded.map.findEntry(line - 1, column - 1);
  if (!("originalSource" in entry) || entry.originalSource === undefined) return undefined;
  return {
    file: sourcePath(loaded, entry.originalSource),
    line: entry.originalLine + 1,
    column: entry.originalColumn + 1,
  };
}

function sourceMapOf(file: string): LoadedMap | undefined {
  if (compiled.has(file)) {
    const known = compiled.get(file);
    if (typeof known !== "string") return known;
    const loaded = parseMap(file, known);
    compiled.set(file, loaded);
    return loaded;
  }
  if (!/\.[cm]?js$/.test(file)) return undefined;
  if (!userScripts.has(file)) userScripts.set(file, readUserMap(file));
  return userScripts.get(file);
}

/** A user's compiled JavaScript, read once, in case it names a source map as source-map-support would find it. */
function readUserMap(file: string): LoadedMap | undefined {
  try {
    return parseMap(file, fs.readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

const MAP_COMMENT = /\/\/[#@] sourceMappingURL=(\S+)\s*$/;
const INLINE_MAP = /^data:application\/json(?:;charset=[^;,]+)?;base64,(.*)$/;

/**
 * The map a compiled file's last `sourceMappingURL` comment names: inline (base64, which holds the whole source with
 * ts-node's `inlineSources`, so it is looked for from the end, not within a window) or a file, by path or file URL.
 */
function parseMap(file: string, code: string): LoadedMap | undefined {
  const comment = code.lastIndexOf("sourceMappingURL=");
  const url = comment < 0 ? undefined : MAP_COMMENT.exec(code.slice(Math.max(comment - 4, 0)))?.[1];
  if (url === undefined) return undefined;
  try {
    const inline = INLINE_MAP.exec(url);
    if (inline) {
      const payload = JSON.parse(Buffer.from(inline[1], "base64").toString("utf8")) as SourceMapPayload;
      return { map: new SourceMap(payload), dir: path.dirname(file) };
    }
    const mapFile = url.startsWith("file:")
      ? fileURLToPath(url)
      : path.resolve(path.dirname(file), decodeURIComponent(url));
    const payload = JSON.parse(fs.readFileSync(mapFile, "utf8")) as SourceMapPayload;
    return { map: new SourceMap(payload), dir: path.dirname(mapFile) };
  } catch {
    return undefined;
  }
}

/** A map's source as a path: a file URL, or relative to the map's folder and its sourceRoot, as the spec reads it. */
function sourcePath({ map, dir }: LoadedMap, source: string): string {
  if (source.startsWith("file:")) return fileURLToPath(source);
  return path.resolve(dir, map.payload.sourceRoot ?? "", source);
}
