import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";

/** sha256 of each file that `npm run build` compiles into dist/, by its path relative to the package root. */
export type SourceDigest = Readonly<Record<string, string>>;

/**
 * What the build reads besides the sources, where the package has them: the packages' manifests (name, version and
 * description go into the schema), the lock file (the compiler and SDK versions), the compiler settings and the
 * build's scripts.
 */
const BUILD_SETTINGS = [
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "tsconfig.build.json",
  "policypack/package.json",
  "policypack/tsconfig.build.json",
  "cli/package.json",
  "cli/tsconfig.build.json",
  "scripts/build.js",
  "scripts/compiled-pack-manifest.js",
  "scripts/plugin-schema.js",
];

/** The `include` of tsconfig.build.json: the component package's sources. */
function componentSources(root: string): string[] {
  const config = JSON.parse(fs.readFileSync(path.join(root, "tsconfig.build.json"), "utf8")) as {
    include: string[];
  };
  return config.include;
}

/**
 * The files a build reads: the build's settings above and every TypeScript, JSON or YAML file under `entries`
 * (by default the component package's, the `include` of tsconfig.build.json), node_modules and dist/ left out.
 * Paths use `/`, sorted.
 */
export function buildSources(root: string, entries: readonly string[] = componentSources(root)): string[] {
  const files = new Set<string>(BUILD_SETTINGS.filter((file) => fs.existsSync(path.join(root, file))));
  const visit = (relative: string): void => {
    const full = path.join(root, relative);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) {
      for (const entry of fs.readdirSync(full)) {
        if (entry !== "node_modules" && entry !== "dist") visit(path.join(relative, entry));
      }
    } else if (/\.(ts|json|ya?ml)$/.test(relative) && !relative.endsWith(".d.ts")) {
      files.add(relative.split(path.sep).join("/"));
    }
  };
  for (const entry of entries) visit(entry);
  return [...files].sort();
}

export function digestSources(root: string, entries?: readonly string[]): SourceDigest {
  return Object.fromEntries(
    buildSources(root, entries).map((file) => [
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
