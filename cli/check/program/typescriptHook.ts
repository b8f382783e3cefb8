import * as fs from "fs";
import Module from "module";
import * as path from "path";
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
    module._compile(compiled, file);
  };
  return () => {
    if (previous === undefined) delete extensions[".ts"];
    else extensions[".ts"] = previous;
  };
}

/**
 * ts-node's service, with Node's own source maps for stack traces (errors, the lines that declare resources)
 * rather than the source-map-support ts-node installs: the program's frames point into its .ts files either way,
 * but that one maps every frame of every stack trace, and the SDK formats one for each promise it makes
 * (`debuggablePromise`). On the AKS-shaped program of `npm run bench` at 10 clusters it took about 0.6 s of CPU
 * more (median of 3 runs each); see docs/performance.md. Enabled from the first file compiled, as before.
 */
function createService(settings: TypeScriptSettings): TsNodeService {
  const tsNode = loadModule<TsNode>("ts-node", settings.tsNode);
  process.setSourceMapsEnabled(true);
  const prepareStackTrace = Error.prepareStackTrace;
  try {
    return tsNode.create(tsNodeOptions(settings, true, settings.typeCheck));
  } finally {
    Error.prepareStackTrace = prepareStackTrace;
  }
}
