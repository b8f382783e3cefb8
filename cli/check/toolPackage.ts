import * as fs from "fs";
import * as path from "path";

const NAME = "aks-trusted-access-cli";

/** The installed commands' package (aks-trusted-access-cli): its version, which the reports name. */
export interface ToolPackage {
  readonly version: string;
}

/** Found by walking up from this file, so it works from the sources, from `dist/` and from node_modules. */
export function toolPackage(): ToolPackage {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest)) {
      const pkg = JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string; version?: string };
      if (pkg.name === NAME) return { version: pkg.version ?? "0.0.0" };
    }
    if (path.dirname(dir) === dir)
      throw new Error(`${NAME}: cannot find its own package.json above ${__dirname}`);
  }
}
