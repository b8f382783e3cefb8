import * as fs from "fs";
import Module, { createRequire } from "module";
import * as path from "path";
import { messageOf } from "../../command/commandError";
import { CheckError } from "../checkError";

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

/** Milliseconds this process has spent compiling (and type-checking) programs' TypeScript: check's timings. */
export function typescriptCompileMs(): number {
  return compileMs;
}

/**
 * Compiles the program's TypeScript the way Pulumi's Node.js host does (`@pulumi/pulumi/cmd/run`): ts-node with
 * the program's tsconfig.json, type-checking unless the tsconfig says `noCheck` (or PULUMI_NODEJS_TRANSPILE_ONLY),
 * and ts-node and typescript taken from where the program's SDK finds them (else from this tool).
 *
 * Unlike `ts-node/register`, the hook owns `.ts` files outside node_modules outright rather than chaining to any
 * loader already installed (a test runner's ts-node wraps `.js` too), so a file is never compiled twice.
 * Returns the uninstaller.
 */
export function installTypeScriptHook(programDir: string, sdkRoot: string): () => void {
  let service: TsNodeService | undefined;
  const compiler = (): TsNodeService => (service ??= createService(programDir, sdkRoot));
  // Source maps make stack traces (errors, declaration lines) point into the .ts files.
  process.setSourceMapsEnabled(true);
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

function createService(programDir: string, sdkRoot: string): TsNodeService {
  const tsconfig = path.join(programDir, process.env["PULUMI_NODEJS_TSCONFIG_PATH"] ?? "tsconfig.json");
  const hasTsconfig = fs.existsSync(tsconfig);
  const compilerOptions = hasTsconfig ? readCompilerOptions(tsconfig) : {};
  const transpileEnv = process.env["PULUMI_NODEJS_TRANSPILE_ONLY"];
  const transpileOnly = transpileEnv ? transpileEnv === "true" : compilerOptions["noCheck"] === true;
  const tsNode = loadFromSdk<TsNode>("ts-node", sdkRoot);
  return tsNode.create({
    compiler: resolveFromSdk("typescript", sdkRoot),
    transpileOnly,
    project: tsconfig,
    skipProject: !hasTsconfig,
    cwd: programDir,
    compilerOptions: {
      target: "ES2020",
      module: "nodenext",
      moduleResolution: "nodenext",
      sourceMap: true,
      ...compilerOptions,
    },
  });
}

function readCompilerOptions(tsconfig: string): Record<string, unknown> {
  const ts = loadFromSdk<{
    parseConfigFileTextToJson(
      file: string,
      text: string,
    ): { config?: { compilerOptions?: Record<string, unknown> } };
  }>("typescript", path.dirname(tsconfig));
  return (
    ts.parseConfigFileTextToJson(tsconfig, fs.readFileSync(tsconfig, "utf8")).config?.compilerOptions ?? {}
  );
}

function resolveFromSdk(name: string, sdkRoot: string): string {
  for (const from of [sdkRoot, __dirname]) {
    try {
      return require.resolve(name, { paths: [from] });
    } catch {
      // Try the next place.
    }
  }
  throw new CheckError(
    `The program is TypeScript, but ${name} cannot be found: install it in the program ` +
      `("npm install --save-dev ${name}") and check again.`,
  );
}

function loadFromSdk<T>(name: string, sdkRoot: string): T {
  const file = resolveFromSdk(name, sdkRoot);
  try {
    return createRequire(file)(file) as T;
  } catch (err) {
    throw new CheckError(`${name} (${file}) could not be loaded: ${messageOf(err)}`);
  }
}
