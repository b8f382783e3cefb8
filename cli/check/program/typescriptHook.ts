import * as fs from "fs";
import Module from "module";
import * as path from "path";
import { rememberCompiled } from "./programSourceMaps";
import { TypeScriptSettings, loadModule, tsNodeOptions } from "./typescriptSettings";

interface TsNodeService {
  compile(code: string, fileName: string): string;
}
interface TsNode {
  create(options: Record<string, unknown>): TsNodeService;
}
type Loader = (module: NodeModule & { _compile(code: string, file: string): unknown }, file: string) => void;

/** Node's table of loaders by file extension (what `require.extensions` is). */
const extensions = (Module as unknown as { _extensions: Record<string, Loader> })._extensions;

let compileMs = 0;

/** Milliseconds this process has spent transpiling programs' TypeScript: check's timings. */
export function typescriptCompileMs(): number {
  return compileMs;
}

/**
 * Compiles the program's TypeScript the way Pulumi's Node.js host does (`@pulumi/pulumi/cmd/run`): ts-node with
 * the program's tsconfig.json and ts-node and typescript taken from where the program's SDK finds them (see
 * {@link typescriptSettings}), read when the first `.ts` file loads. It only transpiles: the program is type-checked
 * in a separate process beside the run (typeCheck.ts), so the run does not pay for it.
 *
 * Unlike `ts-node/register`, the hook owns `.ts` files outside node_modules outright rather than chaining to any
 * loader already installed (a test runner's ts-node wraps `.js` too), so a file is never compiled twice.
 * Returns the uninstaller.
 */
export function installTypeScriptHook(settings: () => TypeScriptSettings): () => void {
  let service: TsNodeService | undefined;
  const compiler = (): TsNodeService => (service ??= createService(settings()));
  const previous = extensions[".ts"];
  const javascript = extensions[".js"];
  extensions[".ts"] = (module, file) => {
    if (file.split(path.sep).includes("node_modules")) return (previous ?? javascript)(module, file);
    // What Node's own .js loader does, with the compiled text: no other loader (a wrapped .js one) sees it.
    const start = performance.now();
    const compiled = compiler().compile(fs.readFileSync(file, "utf8"), file);
    compileMs += performance.now() - start;
    rememberCompiled(file, compiled);
    module._compile(compiled, file);
  };
  return () => {
    if (previous === undefined) delete extensions[".ts"];
    else extensions[".ts"] = previous;
  };
}

/**
 * ts-node's service, without the source-map-support it installs: the SDK formats a stack trace for every promise it
 * makes, and programSourceMaps.ts maps only the positions check reports, from the positions V8 gives. Left installed,
 * it would also map the program's frames for any other stack trace formatter in the process (a test runner's, or
 * the program's own `source-map-support/register`), and those positions would then be mapped twice; so would Node's
 * own maps (`NODE_OPTIONS=--enable-source-maps`), which are turned off for the same reason.
 */
function createService(settings: TypeScriptSettings): TsNodeService {
  const tsNode = loadModule<TsNode>("ts-node", settings.tsNode);
  process.setSourceMapsEnabled(false);
  // ts-node 10 installs @cspotcode/source-map-support, older ones source-map-support: hold off whichever it finds.
  const supports = sourceMapSupportsBeside(settings.tsNode).map((support) => ({
    support,
    install: support.install,
  }));
  for (const { support } of supports) support.install = () => undefined;
  const prepareStackTrace = Error.prepareStackTrace;
  try {
    return tsNode.create(tsNodeOptions(settings, true, settings.typeCheck));
  } finally {
    for (const { support, install } of supports) support.install = install;
    Error.prepareStackTrace = prepareStackTrace;
  }
}

/** The source-map-support packages that ts-node finds from its folder. */
function sourceMapSupportsBeside(tsNode: string): { install?: unknown }[] {
  return ["@cspotcode/source-map-support", "source-map-support"].flatMap((name) => {
    try {
      return [
        loadModule<{ install?: unknown }>(name, require.resolve(name, { paths: [path.dirname(tsNode)] })),
      ];
    } catch {
      return []; // not installed beside this ts-node
    }
  });
}
