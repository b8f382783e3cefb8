/**
 * Property paths of config keys, as `pulumi preview --config-path` and `pulumi config set --path` read them:
 * `name.child`, `name[0]`, `name["key.with.dots"]`. Errors are plain messages; the caller names the flag.
 */

/** A path's segments: property names and array indexes. */
export type ConfigPath = readonly (string | number)[];

/** Parses `outer.inner[0]["a.b"]` into `["outer", "inner", 0, "a.b"]`; throws an Error saying what is wrong. */
export function parseConfigPath(text: string): ConfigPath {
  const segments: (string | number)[] = [];
  let at = 0;
  let expectName = true;
  while (at < text.length) {
    const char = text[at];
    if (char === "[") {
      const close = text.indexOf("]", at);
      if (text[at + 1] === '"') {
        const end = text.indexOf('"]', at + 2);
        if (end < 0) throw new Error(`the quoted key at position ${at + 1} has no closing "]`);
        segments.push(text.slice(at + 2, end));
        at = end + 2;
      } else {
        if (close < 0) throw new Error(`the "[" at position ${at + 1} has no closing "]"`);
        const index = text.slice(at + 1, close);
        if (!/^\d+$/.test(index)) {
          throw new Error(`"[${index}]" is not an array index (a whole number) or a quoted key (["key"])`);
        }
        segments.push(Number(index));
        at = close + 1;
      }
      expectName = false;
    } else if (char === ".") {
      if (expectName) throw new Error(`it has an empty property name at position ${at + 1}`);
      at += 1;
      expectName = true;
      if (at === text.length) throw new Error("it ends with a dot");
    } else {
      if (!expectName) throw new Error(`a "." or "[" must follow "]" (position ${at + 1})`);
      let end = at;
      while (end < text.length && text[end] !== "." && text[end] !== "[") end += 1;
      segments.push(text.slice(at, end));
      at = end;
      expectName = false;
    }
  }
  if (segments.length === 0) throw new Error("it is empty");
  if (typeof segments[0] !== "string" || segments[0] === "") {
    throw new Error("it must start with a property name");
  }
  return segments;
}

/**
 * Sets `value` at `path` below `root` (a config value: string, number, boolean, object or array), creating objects
 * and arrays as the path's next segment asks, as Pulumi does. An index may be at most the array's length (that
 * appends). Returns the new root; `root` itself is not changed.
 */
export function setAtPath(root: unknown, path: ConfigPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [segment, ...rest] = path;
  const shown = typeof segment === "number" ? `[${segment}]` : `"${segment}"`;
  if (typeof segment === "number") {
    const list = root === undefined ? [] : root;
    if (!Array.isArray(list)) throw new Error(`it indexes ${shown} into a value that is not a list`);
    if (segment > list.length) {
      throw new Error(
        `index ${shown} is past the end of a list of ${list.length} (at most [${list.length}])`,
      );
    }
    const copy = [...(list as unknown[])];
    copy[segment] = setAtPath(copy[segment], rest, value);
    return copy;
  }
  const map = root === undefined ? {} : root;
  if (typeof map !== "object" || map === null || Array.isArray(map)) {
    throw new Error(`it sets property ${shown} of a value that is not an object`);
  }
  const record = map as Record<string, unknown>;
  return { ...record, [segment]: setAtPath(record[segment], rest, value) };
}

/** A leaf set through a path becomes a boolean or an integer when it reads as one, as Pulumi stores it. */
export function pathLeafValue(text: string): string | number | boolean {
  if (text === "true") return true;
  if (text === "false") return false;
  if (text.length > 1 && text.startsWith("0")) return text;
  return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : text;
}
