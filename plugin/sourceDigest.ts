import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";

/** sha256 of each file that `npm run build` compiles into dist/, by its path relative to the package root. */
export type SourceDigest = Readonly<Record<string, string>>;

/**
 * The files that make dist/: package.json (name, version and description go into the schema) and every TypeScript
 * or JSON file under the `include` of tsconfig.build.json, node_modules left out. Paths use `/`, sorted.
 */
export function buildSources(root: string): string[] {
  const config = JSON.parse(fs.readFileSync(path.join(root, "tsconfig.build.json"), "utf8")) as {
    include: string[];
  };
  const files = new Set<string>(["package.json"]);
  const visit = (relative: string): void => {
    const full = path.join(root, relative);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) {
      for (const entry of fs.readdirSync(full)) {
        if (entry !== "node_modules") visit(path.join(relative, entry));
      }
    } else if (/\.(ts|json)$/.test(relative) && !relative.endsWith(".d.ts")) {
      files.add(relative.split(path.sep).join("/"));
    }
  };
  for (const entry of config.include) visit(entry);
  return [...files].sort();
}

export function digestSources(root: string): SourceDigest {
  return Object.fromEntries(
    buildSources(root).map((file) => [
      file,
      crypto
        .createHash("sha256")
        .update(fs.readFileSync(path.join(root, file)))
        .digest("hex"),
    ]),
  );
}

/** The files whose content differs between two digests, or that only one of them has. */
export function changedSources(built: SourceDigest, now: SourceDigest): string[] {
  const files = new Set([...Object.keys(built), ...Object.keys(now)]);
  return [...files].filter((file) => built[file] !== now[file]).sort();
}
