import * as fs from "fs";
import * as path from "path";
import type { PackageSchema } from "./packageSchema";
import { SourceDigest, changedSources, digestSources } from "./sourceDigest";

/** What `npm run build` leaves for the plugin: the schema, and the sources it and the JavaScript beside it were built from. */
export interface BuiltSchema {
  readonly sources: SourceDigest;
  readonly schema: PackageSchema;
}

/** Where the build puts it. */
export const builtSchemaPath = (root: string): string => path.join(root, "dist", "plugin", "schema.json");

/**
 * dist/ holds JavaScript and a schema of other sources than those in the package: the plugin would serve one
 * component and run another. Pulumi shows this message as the plugin's failure to start.
 */
export class StaleBuildError extends Error {
  constructor(root: string, reason: string) {
    super(
      `aks-trusted-access: ${reason} Run \`npm run build\` in ${root} (Pulumi runs \`npm install\`, which builds it, only when it installs the package).`,
    );
    this.name = "StaleBuildError";
  }
}

/**
 * The built schema, if dist/ was built from the sources in `root` as they are now; throws `StaleBuildError` if not. A
 * packed package (npm's tarball, installed) ships compiled code only, no sources to compare: its dist/ is served.
 */
export function readBuiltSchema(root: string): BuiltSchema {
  const file = builtSchemaPath(root);
  if (!fs.existsSync(file)) {
    throw new StaleBuildError(
      root,
      `${path.relative(root, file)} is missing: dist/ was not built, or built by an older version.`,
    );
  }
  const built = JSON.parse(fs.readFileSync(file, "utf8")) as BuiltSchema;
  if (!fs.existsSync(path.join(root, "tsconfig.build.json"))) return built;
  const changed = changedSources(built.sources, digestSources(root));
  if (changed.length > 0) {
    const shown =
      changed.slice(0, 5).join(", ") + (changed.length > 5 ? ` and ${changed.length - 5} more` : "");
    throw new StaleBuildError(
      root,
      `dist/ was built from other sources than those in the package (changed since: ${shown}).`,
    );
  }
  return built;
}
