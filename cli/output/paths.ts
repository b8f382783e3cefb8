import * as path from "path";

/** A path for reports: relative to the working directory when inside it, always with forward slashes. */
export function reportPath(file: string, cwd: string = process.cwd()): string {
  const relative = path.relative(cwd, file);
  const shown =
    relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
  return shown.split(path.sep).join("/");
}
