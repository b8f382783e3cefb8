import * as fs from "fs";
import { createRequire } from "module";
import * as path from "path";
import { CheckError } from "../checkError";
import { PulumiProject } from "./pulumiProject";
import { readJsonObject } from "./jsonObject";

/**
 * The file `pulumi` would run: Pulumi.yaml's `main` (a file, or a folder's index), else the `main` of the
 * project's package.json, else the project folder's index.ts or index.js. Call with the TypeScript hook installed,
 * so that `.ts` entry points resolve.
 */
export function resolveProgramMain(project: PulumiProject): string {
  const resolver = createRequire(path.join(project.dir, "Pulumi.yaml"));
  let target = project.main;
  if (target === project.dir) {
    const manifest = path.join(project.dir, "package.json");
    const main = fs.existsSync(manifest) ? (readJsonObject(manifest)["main"] as unknown) : undefined;
    if (typeof main === "string" && fs.existsSync(path.resolve(project.dir, main))) {
      target = path.resolve(project.dir, main);
    }
  }
  const isFolder = fs.existsSync(target) && fs.statSync(target).isDirectory();
  let file: string;
  try {
    file = resolver.resolve(isFolder ? target + path.sep : target);
  } catch {
    const shown = path.relative(process.cwd(), target) || ".";
    throw new CheckError(
      isFolder
        ? `The program folder "${shown}" has no index.ts or index.js: add one, or name the entry file with ` +
            '"main:" in Pulumi.yaml.'
        : `Pulumi.yaml's main "${shown}" does not exist: point "main:" at the program's entry file or folder.`,
    );
  }
  if (packageTypeOf(path.dirname(file)) === "module") {
    throw new CheckError(
      `${path.relative(process.cwd(), file)} is an ES module ("type": "module" in package.json); check runs ` +
        "CommonJS programs, the form of Pulumi's TypeScript and JavaScript templates.",
    );
  }
  return file;
}

function packageTypeOf(dir: string): unknown {
  for (let at = dir; ; at = path.dirname(at)) {
    const manifest = path.join(at, "package.json");
    if (fs.existsSync(manifest)) return readJsonObject(manifest)["type"];
    if (path.dirname(at) === at) return undefined;
  }
}
