import * as fs from "fs";
import { createRequire } from "module";
import * as path from "path";
import { messageOf } from "../../command/commandError";
import { CheckError } from "../checkError";

/**
 * How Pulumi's Node.js host (`@pulumi/pulumi/cmd/run`) compiles a program's TypeScript, read once for both the
 * in-process compiler hook and the separate type-check, so that the two can never disagree.
 */
export interface TypeScriptSettings {
  /** The program's folder: ts-node's working directory, to which diagnostics are relative. */
  readonly programDir: string;
  /**
   * The tsconfig the program uses: Pulumi.yaml's `runtime.options.tsconfig`, else `PULUMI_NODEJS_TSCONFIG_PATH`,
   * else the program folder's tsconfig.json.
   */
  readonly tsconfig: string;
  readonly hasTsconfig: boolean;
  /**
   * The options ts-node is given over the tsconfig: the host's defaults, then the tsconfig's own top-level
   * `compilerOptions` (ts-node lays these over what the tsconfig inherits through `extends`).
   */
  readonly compilerOptions: Readonly<Record<string, unknown>>;
  /** False when the tsconfig says `noCheck`, or `PULUMI_NODEJS_TRANSPILE_ONLY` says so. */
  readonly typeCheck: boolean;
  /** The `typescript` module file the program's SDK finds (else this tool's). */
  readonly typescript: string;
  /** The `ts-node` module file the program's SDK finds (else this tool's). */
  readonly tsNode: string;
}

/** The host's own defaults, under the tsconfig's options. */
const HOST_DEFAULTS = {
  target: "ES2020",
  module: "nodenext",
  moduleResolution: "nodenext",
  sourceMap: true,
};

/**
 * @param tsconfigOption Pulumi.yaml's `runtime.options.tsconfig`: the language host sets `PULUMI_NODEJS_TSCONFIG_PATH`
 *   to it for the program, over the variable the CLI may have been given.
 */
export function typescriptSettings(
  programDir: string,
  sdkRoot: string,
  tsconfigOption?: string,
): TypeScriptSettings {
  const tsconfig = path.resolve(
    programDir,
    tsconfigOption ?? process.env["PULUMI_NODEJS_TSCONFIG_PATH"] ?? "tsconfig.json",
  );
  const hasTsconfig = fs.existsSync(tsconfig);
  const typescript = resolveFromSdk("typescript", sdkRoot);
  refuseWithoutJsApi(typescript);
  const own = hasTsconfig ? readCompilerOptions(tsconfig, typescript) : {};
  const transpileOnly = transpileOnlyByEnvironment() ?? own["noCheck"] === true;
  return {
    programDir,
    tsconfig,
    hasTsconfig,
    compilerOptions: { ...HOST_DEFAULTS, ...own },
    typeCheck: !transpileOnly,
    typescript,
    tsNode: resolveFromSdk("ts-node", sdkRoot),
  };
}

/**
 * What `PULUMI_NODEJS_TRANSPILE_ONLY` says, when it is set: whether the host type-checks is known before the
 * tsconfig is read (its `noCheck` decides otherwise).
 */
export function transpileOnlyByEnvironment(): boolean | undefined {
  const value = process.env["PULUMI_NODEJS_TRANSPILE_ONLY"];
  return value ? value === "true" : undefined;
}

/**
 * Diagnostics about compiler options (TS5xxx, TS6xxx): ts-node reports them when it transpiles each file but not
 * when it type-checks (e.g. TS5110, `module` commonjs under the host's `moduleResolution` nodenext). A run whose
 * type-check happens beside it must not fail on them where ts-node's type-checking run would not.
 */
const OPTION_DIAGNOSTICS = Array.from({ length: 2000 }, (_, i) => 5000 + i);

/**
 * The options of ts-node's `create()` for the program, as the host passes them.
 *
 * @param transpileOnly ts-node type-checks each file when false
 * @param checkedBeside the run transpiles while the type-check runs in its own process: only what ts-node's
 *   type-checking run reports may fail the run
 */
export function tsNodeOptions(
  settings: TypeScriptSettings,
  transpileOnly: boolean,
  checkedBeside = false,
): Record<string, unknown> {
  return {
    compiler: settings.typescript,
    transpileOnly,
    project: settings.tsconfig,
    skipProject: !settings.hasTsconfig,
    cwd: settings.programDir,
    compilerOptions: settings.compilerOptions,
    ...(checkedBeside ? { ignoreDiagnostics: OPTION_DIAGNOSTICS } : {}),
  };
}

/**
 * TypeScript 7 (the native compiler) has no JavaScript API: ts-node cannot compile with it, so Pulumi's Node.js host
 * fails before the program runs (ts-node's `TypeError: Cannot read properties of undefined (reading 'fileExists')`).
 * The check fails as the preview would, and says how to install TypeScript 7 so that both work.
 */
function refuseWithoutJsApi(typescript: string): void {
  const ts = loadModule<{ version?: unknown; createProgram?: unknown }>("typescript", typescript);
  if (typeof ts.createProgram === "function") return;
  throw new CheckError(
    `The program's typescript (${typescript}) is TypeScript ${String(ts.version)}, which has no JavaScript ` +
      "API: ts-node cannot compile with it, so Pulumi's Node.js host fails before the program runs. Keep " +
      'TypeScript 6 or 5 as "typescript" and install TypeScript 7 beside it (npm install --save-dev ' +
      '"typescript@npm:@typescript/typescript6@^6" "@typescript/native@npm:typescript@^7"): check then ' +
      "type-checks with TypeScript 7.",
  );
}

function readCompilerOptions(tsconfig: string, typescript: string): Record<string, unknown> {
  const ts = loadModule<{
    parseConfigFileTextToJson(
      file: string,
      text: string,
    ): { config?: { compilerOptions?: Record<string, unknown> } };
  }>("typescript", typescript);
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

/** Loads a module file found by {@link typescriptSettings}; a failure is a {@link CheckError} naming it. */
export function loadModule<T>(name: string, file: string): T {
  try {
    return createRequire(file)(file) as T;
  } catch (err) {
    throw new CheckError(`${name} (${file}) could not be loaded: ${messageOf(err)}`);
  }
}
