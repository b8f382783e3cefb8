import * as fs from "fs";
import * as path from "path";

/**
 * The folder of this package's package.json, whether this file runs as TypeScript (`plugin/`) or compiled
 * (`dist/plugin/`).
 */
export function packageRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}.`);
  }
}
