import * as fs from "fs";
import * as path from "path";

/** A relative link of a Markdown file: where it is, what it says, and why it does not resolve (if it does not). */
export interface BrokenLink {
  readonly line: number;
  readonly target: string;
  readonly problem: string;
}

/**
 * GitHub's heading anchor: the heading's text as rendered (no code ticks, link syntax, emphasis or escapes),
 * lower-cased, every character that is not a letter, digit, space, hyphen or underscore dropped, spaces turned into
 * hyphens. `seen` counts earlier headings of the same file, for GitHub's `-1`, `-2` suffixes of repeated ones.
 */
export function headingSlug(heading: string, seen: Map<string, number> = new Map()): string {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/`/g, "")
    .replace(/\\(.)/g, "$1")
    .replace(/\*/g, "")
    .replace(/(^|[^\p{L}\p{N}])_+([^_]+?)_+(?=[^\p{L}\p{N}]|$)/gu, "$1$2");
  const base = text
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, "")
    .replace(/ /g, "-");
  const count = seen.get(base) ?? 0;
  seen.set(base, count + 1);
  return count === 0 ? base : `${base}-${count}`;
}

/** The lines of a Markdown text outside fenced code blocks, with their 1-based numbers. */
function proseLines(markdown: string): { line: number; text: string }[] {
  const lines: { line: number; text: string }[] = [];
  let fence: string | undefined;
  markdown.split("\n").forEach((text, index) => {
    const opening = /^\s*(`{3,}|~{3,})/.exec(text);
    if (fence === undefined && opening) fence = opening[1];
    else if (fence !== undefined && opening && opening[1].startsWith(fence)) fence = undefined;
    else if (fence === undefined) lines.push({ line: index + 1, text });
  });
  return lines;
}

/** Every anchor a Markdown text offers: its ATX headings' slugs and any HTML `id` or `name`. */
export function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const { text } of proseLines(markdown)) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (heading) anchors.add(headingSlug(heading[1], seen));
    for (const html of text.matchAll(/<[a-z]+[^>]*\s(?:id|name)="([^"]+)"/gi)) anchors.add(html[1]);
  }
  return anchors;
}

/** The link targets of one line: inline links and images, and reference definitions; code spans left out. */
function targetsOf(text: string): string[] {
  const prose = text.replace(/(`+)[^`]*?\1/g, "");
  const inline = [...prose.matchAll(/!?\[(?:[^\]\\]|\\.)*\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+"[^"]*")?\s*\)/g)].map(
    (m) => m[1],
  );
  const definition = /^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/.exec(prose);
  return [...inline, ...(definition ? [definition[1]] : [])].map((t) => t.replace(/^<(.*)>$/, "$1"));
}

/** A target that names a scheme (https:, mailto:) or a host (//host) is not relative. */
function isRelative(target: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("//");
}

/**
 * The relative links of `file` that do not resolve: the path must name an existing file or folder (relative to the
 * file's folder), and an `#anchor` into a Markdown file must name one of its headings. Anchors into other files
 * (a source file's `#L10`) are GitHub's line anchors and are not checked.
 */
export function brokenLinks(file: string): BrokenLink[] {
  const markdown = fs.readFileSync(file, "utf8");
  const broken: BrokenLink[] = [];
  for (const { line, text } of proseLines(markdown)) {
    for (const target of targetsOf(text).filter(isRelative)) {
      const hash = target.indexOf("#");
      const pathPart = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
      const anchor = hash < 0 ? undefined : decodeURIComponent(target.slice(hash + 1));
      const resolved = pathPart === "" ? file : path.resolve(path.dirname(file), pathPart);
      if (!fs.existsSync(resolved)) {
        broken.push({ line, target, problem: `no such file or folder: ${pathPart}` });
      } else if (anchor !== undefined && resolved.endsWith(".md") && fs.statSync(resolved).isFile()) {
        if (!anchorsOf(fs.readFileSync(resolved, "utf8")).has(anchor)) {
          broken.push({
            line,
            target,
            problem: `no heading with anchor #${anchor} in ${pathPart || "this file"}`,
          });
        }
      }
    }
  }
  return broken;
}

/** Every Markdown file under `root`'s given entries (files or folders), skipping node_modules and hidden folders. */
export function markdownFiles(root: string, entries: readonly string[]): string[] {
  const walk = (full: string): string[] => {
    if (!fs.existsSync(full)) return [];
    if (fs.statSync(full).isFile()) return full.endsWith(".md") ? [full] : [];
    return fs
      .readdirSync(full)
      .filter((name) => name !== "node_modules" && !name.startsWith("."))
      .sort()
      .flatMap((name) => walk(path.join(full, name)));
  };
  return entries.flatMap((entry) => walk(path.join(root, entry)));
}
