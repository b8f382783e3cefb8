import * as path from "path";
import { fileURLToPath } from "url";
import type { SourcePosition, StackTrace } from "@pulumi/pulumi/proto/source_pb";
import { originalPosition } from "./programSourceMaps";
import { SourceLocation } from "./recordedStack";

/** The commands' package (cli/), whether this file runs from its sources or from its build in `cli/dist/`. */
const HERE = path.resolve(__dirname, "..", "..", "..");
const CLI_PACKAGE = path.basename(HERE) === "dist" ? path.dirname(HERE) : path.join(HERE, "cli");
/** In this repository, its root, whose components a program of examples/ imports by path. */
const REPOSITORY = path.dirname(CLI_PACKAGE);
/** This tool's own code (the commands' sources, build and bin script; the components, pack and domain) is never the user's. */
const TOOL_CODE = [
  CLI_PACKAGE,
  ...["components", "plugin", "domain", "policypack", "dist"].map((dir) => path.join(REPOSITORY, dir)),
].map((dir) => dir + path.sep);

/** Whether a file is the user's code: not a dependency in node_modules, not Node itself, not this tool. */
export function isUserFile(file: string): boolean {
  return (
    path.isAbsolute(file) &&
    !file.split(path.sep).includes("node_modules") &&
    !TOOL_CODE.some((dir) => file.startsWith(dir))
  );
}

/**
 * The first position of the stack the SDK captured at `new Resource(...)` that lies in the user's code: the line
 * that declared the resource, or inside a component, the line in the user's component source. Undefined when no
 * frame is the user's (the root stack, or a resource made inside a library).
 */
export function declarationSite(trace: StackTrace | undefined): SourceLocation | undefined {
  for (const frame of trace?.getFramesList() ?? []) {
    const location = toLocation(frame.getPc());
    if (location !== undefined && isUserFile(location.file)) return inSource(location);
  }
  return undefined;
}

/** A position in the user's code as its source has it, through the source map of a compiled file. */
export function inSource(location: SourceLocation): SourceLocation {
  return originalPosition(location.file, location.line, location.column) ?? location;
}

function toLocation(pos: SourcePosition | undefined): SourceLocation | undefined {
  const uri = pos?.getUri() ?? "";
  if (!uri.startsWith("file:")) return undefined;
  return { file: fileURLToPath(uri), line: pos?.getLine() ?? 0, column: pos?.getColumn() ?? 0 };
}

/** A file:line:column for messages, relative to the working directory when inside it. */
export function showLocation(location: SourceLocation): string {
  const relative = path.relative(process.cwd(), location.file);
  const file = relative.startsWith("..") || path.isAbsolute(relative) ? location.file : relative;
  return `${file}:${location.line}:${location.column}`;
}
