import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

/** What a project's node_modules holds: every installed package (by its path) and the bytes of its files. */
export interface InstallFootprint {
  readonly packages: readonly string[];
  readonly bytes: number;
}

/** `npm ls --all --parseable`, the packages npm sees, and the size of node_modules on disk. */
export function installFootprint(project: string): InstallFootprint {
  const listed = execFileSync("npm", ["ls", "--all", "--parseable"], { cwd: project, encoding: "utf8" });
  const packages = listed
    .trim()
    .split("\n")
    .slice(1) // the project itself
    .map((dir) => path.relative(project, dir).split(path.sep).join("/"))
    .sort();
  return { packages, bytes: folderBytes(path.join(project, "node_modules")) };
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(full);
    else if (entry.isFile()) total += fs.statSync(full).size;
  }
  return total;
}

/** The packages `after` has that `before` had not. */
export function addedPackages(before: InstallFootprint, after: InstallFootprint): string[] {
  const had = new Set(before.packages);
  return after.packages.filter((p) => !had.has(p));
}
