import * as fs from "fs";
import * as yaml from "js-yaml";
import { createRequire } from "module";
import * as path from "path";
import { CheckError } from "../checkError";
import { PulumiProject } from "./pulumiProject";
import { readJsonObject } from "./jsonObject";

/**
 * The file `pulumi` would run: Pulumi.yaml's `main` (a file, or a folder's index); else, as @pulumi/pulumi's run
 * script does, the entry point of the nearest package.json or package.yaml at or above the project folder (its
 * `exports`, then its `main`) when that file exists; else the project folder's index.ts or index.js. A project in a
 * subfolder of another package, without a `main` of its own, so runs that package's entry point. Call with the
 * TypeScript hook installed, so that `.ts` entry points resolve.
 */
export function resolveProgramMain(project: PulumiProject): string {
  const resolver = createRequire(path.join(project.dir, "Pulumi.yaml"));
  let target = project.main;
  if (target === project.dir) {
    const entry = packageEntryPoint(project.dir);
    if (entry !== undefined && fs.existsSync(entry)) target = entry;
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

/** The entry point that the nearest package manifest at or above `dir` declares, as an absolute path. */
function packageEntryPoint(dir: string): string | undefined {
  const manifest = nearestManifest(dir);
  if (manifest === undefined) return undefined;
  const { exports, main } = manifest.data;
  const dot =
    typeof exports === "object" && exports !== null ? (exports as Record<string, unknown>)["."] : undefined;
  const conditions = typeof dot === "object" && dot !== null ? (dot as Record<string, unknown>) : {};
  const entry =
    typeof exports === "string"
      ? exports
      : typeof exports === "object" && exports !== null
        ? typeof dot === "string"
          ? dot
          : (conditions.default ?? conditions.require ?? conditions.import)
        : main;
  return typeof entry === "string" ? path.join(manifest.root, entry) : undefined;
}

function nearestManifest(dir: string): { root: string; data: Record<string, unknown> } | undefined {
  for (let at = dir; ; at = path.dirname(at)) {
    if (fs.existsSync(path.join(at, "package.json"))) {
      return { root: at, data: readJsonObject(path.join(at, "package.json")) };
    }
    if (fs.existsSync(path.join(at, "package.yaml"))) {
      const data: unknown = yaml.load(fs.readFileSync(path.join(at, "package.yaml"), "utf8"));
      return {
        root: at,
        data: typeof data === "object" && data !== null ? (data as Record<string, unknown>) : {},
      };
    }
    if (path.dirname(at) === at) return undefined;
  }
}

function packageTypeOf(dir: string): unknown {
  for (let at = dir; ; at = path.dirname(at)) {
    const manifest = path.join(at, "package.json");
    if (fs.existsSync(manifest)) return readJsonObject(manifest)["type"];
    if (path.dirname(at) === at) return undefined;
  }
}
