import * as path from "path";
import { fileURLToPath } from "url";
import type { SourcePosition, StackTrace } from "@pulumi/pulumi/proto/source_pb";
import { SourceLocation } from "./recordedStack";

/** This package's root, whether this file runs from its sources or from its build in `dist/`. */
const HERE = path.resolve(__dirname, "..", "..", "..");
const PACKAGE_ROOT = path.basename(HERE) === "dist" ? path.dirname(HERE) : HERE;
/** This tool's own code — its sources, its build and its bin script — is never the user's. */
const TOOL_CODE = ["cli", "components", "policypack", "dist", "bin"].map(
  (dir) => path.join(PACKAGE_ROOT, dir) + path.sep,
);

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
    if (location !== undefined && isUserFile(location.file)) return location;
  }
  return undefined;
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
