/**
 * The separate type-check of a program (see typeCheck.ts), in a process of its own:
 *
 *   node typeCheckWorker.js '<TypeCheckRequest as JSON>'
 *
 * It asks the program's own ts-node for the compiler options it would type-check with (the tsconfig, the host's
 * options and ts-node's own overrides, already merged), type-checks every file the program reaches from its entry
 * file in one TypeScript program, and reports what ts-node would have reported for the files it compiles (the
 * program's own TypeScript, outside node_modules), formatted as ts-node formats them. Prints one JSON line of
 * {@link TypeCheckAnswer}.
 */
import * as path from "path";
import type * as TS from "typescript";
import { TypeScriptSettings, loadModule, tsNodeOptions, typescriptSettings } from "./typescriptSettings";

/**
 * What {@link typescriptSettings} reads the settings from, for the checker to read them itself: then it starts
 * before the process that runs the program has loaded TypeScript (a third of a second). Both read them from the
 * same files and environment, with the same function.
 */
export interface TypeScriptSettingsSource {
  readonly programDir: string;
  /** The folder of the program's @pulumi/pulumi. */
  readonly sdkRoot: string;
  /** Pulumi.yaml's `runtime.options.tsconfig`. */
  readonly tsconfigOption?: string;
}

export interface TypeCheckRequest {
  readonly settings: TypeScriptSettings | TypeScriptSettingsSource;
  /** The program's entry file. */
  readonly mainFile: string;
  /** Whether ts-node would format with colour and context (it does when stdout is a terminal). */
  readonly pretty: boolean;
}

/** What the worker prints: the diagnostics as ts-node's TSError words them, or none. */
export interface TypeCheckAnswer {
  /** ts-node's text after "Unable to compile TypeScript:\n"; absent when the program type-checks. */
  readonly diagnostics?: string;
  /** How many of the program's own files were checked. */
  readonly files: number;
  /** The version of the TypeScript that checked. */
  readonly typescript?: string;
  /** The checker process's peak resident memory, in MiB. */
  readonly peakMiB?: number;
}

interface TsNodeService {
  readonly config: TS.ParsedCommandLine;
  readonly options: { readonly ignoreDiagnostics?: readonly (number | string)[] };
}

/** The diagnostics ts-node never reports (its defaults). */
export const IGNORED_BY_TS_NODE = [6059, 18002, 18003];
const OWN_SOURCE = /\.(ts|tsx|mts|cts)$/;
const DECLARATION = /\.d(\.[^./\\]+)?\.[mc]?ts$/;

/** The files ts-node compiles, whose diagnostics it reports: the program's own TypeScript, outside node_modules. */
export function isOwnSource(file: string): boolean {
  return (
    OWN_SOURCE.test(file) &&
    !DECLARATION.test(file) &&
    !path.normalize(file).split(path.sep).includes("node_modules")
  );
}

/** The request's settings, read here when it gives where to read them from. */
export function settingsOf(request: TypeCheckRequest): TypeScriptSettings {
  const { settings } = request;
  return "sdkRoot" in settings
    ? typescriptSettings(settings.programDir, settings.sdkRoot, settings.tsconfigOption)
    : settings;
}

export function typeCheck(request: TypeCheckRequest): TypeCheckAnswer {
  const settings = settingsOf(request);
  const ts = loadModule<typeof TS>("typescript", settings.typescript);
  const tsNode = loadModule<{ create(options: Record<string, unknown>): TsNodeService }>(
    "ts-node",
    settings.tsNode,
  );
  const host: TS.FormatDiagnosticsHost = {
    getNewLine: () => ts.sys.newLine,
    getCurrentDirectory: () => settings.programDir,
    getCanonicalFileName: ts.sys.useCaseSensitiveFileNames ? (x) => x : (x) => x.toLowerCase(),
  };
  const format = (diagnostics: readonly TS.Diagnostic[]): string =>
    request.pretty
      ? ts.formatDiagnosticsWithColorAndContext(diagnostics, host)
      : ts.formatDiagnostics(diagnostics, host);
  let service: TsNodeService;
  try {
    // Transpile-only: the service only reads the config; type-checking is done below, once, for all files.
    service = tsNode.create(tsNodeOptions(settings, true));
  } catch (err) {
    // ts-node refuses a tsconfig with errors with the same TSError it would throw in the run.
    const message = err instanceof Error && err.name === "TSError" ? err.message : undefined;
    if (message === undefined) throw err;
    return {
      diagnostics: message.replace(/^⨯ Unable to compile TypeScript:\n/, ""),
      files: 0,
      typescript: ts.version,
    };
  }
  const ignored = new Set([...IGNORED_BY_TS_NODE, ...(service.options.ignoreDiagnostics ?? [])].map(Number));
  const options = { ...service.config.options, noEmit: true };
  const program = ts.createProgram({
    rootNames: [request.mainFile],
    options,
    host: checkingHost(ts, options),
  });
  const own = program
    .getSourceFiles()
    .filter((file) => !file.isDeclarationFile && isOwnSource(file.fileName));
  // Each file's diagnostics in tsc's order (by position), as the native tsc prints them too.
  const diagnostics = own.flatMap((file) =>
    ts
      .sortAndDeduplicateDiagnostics([
        ...program.getSemanticDiagnostics(file),
        ...program.getSyntacticDiagnostics(file),
      ])
      .filter((d) => !ignored.has(d.code)),
  );
  return diagnostics.length === 0
    ? { files: own.length, typescript: ts.version }
    : { diagnostics: format(diagnostics), files: own.length, typescript: ts.version };
}

/**
 * The compiler host `tsc` builds its program with: since TypeScript 5.3 it parses only the doc comments that type
 * errors depend on (every one in JavaScript, those with `@see` or `@link` in TypeScript, whose names count as used),
 * so that the errors are the same. The SDKs' declaration files are mostly doc comments (azure-native's types run to
 * millions of lines): parsing them all, as a program does by default, took this checker half again the CPU of
 * `tsc --noEmit` and 300 MiB more on pulumi/examples' azure-ts-aks. Older TypeScript has no such mode, nor has
 * its tsc.
 */
function checkingHost(ts: typeof TS, options: TS.CompilerOptions): TS.CompilerHost {
  const host = ts.createCompilerHost(options);
  // The types are this repository's TypeScript; the module is the program's, which may predate the mode.
  const modes = ts.JSDocParsingMode as typeof TS.JSDocParsingMode | undefined;
  if (modes !== undefined) host.jsDocParsingMode = modes.ParseForTypeErrors;
  return host;
}

if (require.main === module) {
  try {
    const answer = typeCheck(JSON.parse(process.argv[2] ?? "") as TypeCheckRequest);
    const peakMiB = Math.round(process.resourceUsage().maxRSS / 1024);
    process.stdout.write(`${JSON.stringify({ ...answer, peakMiB })}\n`);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
