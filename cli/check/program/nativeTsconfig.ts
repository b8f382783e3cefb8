import * as path from "path";
import type * as TS from "typescript";

/** What TypeScript's internals give for writing options back as a tsconfig (what `tsc --showConfig` uses). */
interface TsForConfig {
  readonly version: string;
  readonly ModuleKind: typeof TS.ModuleKind;
  readonly ModuleDetectionKind: typeof TS.ModuleDetectionKind;
  readonly sys: TS.System;
  convertToTSConfig?(
    config: TS.ParsedCommandLine,
    configFileName: string,
    host: { getCurrentDirectory(): string; useCaseSensitiveFileNames: boolean },
  ): { compilerOptions: Record<string, unknown> };
  getESModuleInterop?(options: TS.CompilerOptions): boolean | undefined;
  getAllowSyntheticDefaultImports?(options: TS.CompilerOptions): boolean;
  getStrictOptionValue?(options: TS.CompilerOptions, flag: string): boolean;
  getAutomaticTypeDirectiveNames(options: TS.CompilerOptions, host: TS.ModuleResolutionHost): string[];
  getEffectiveTypeRoots(options: TS.CompilerOptions, host: TS.ModuleResolutionHost): string[] | undefined;
}

/** Options that only shape output files: the check emits nothing (ts-node's own `outDir` among them). */
const EMIT_ONLY = [
  "outDir",
  "outFile",
  "declaration",
  "declarationDir",
  "declarationMap",
  "emitDeclarationOnly",
  "composite",
  "incremental",
  "tsBuildInfoFile",
  "sourceMap",
  "inlineSourceMap",
  "inlineSources",
  "sourceRoot",
  "mapRoot",
  "noEmitOnError",
];

/**
 * The tsconfig.json that makes TypeScript 7's `tsc` check exactly what ts-node's TypeScript checks: ts-node's merged
 * options written back as TypeScript writes them (`--showConfig`), the entry file as the only root, and every option
 * whose default TypeScript 6 changed written out with the value it has in the program's TypeScript (`strict`,
 * `esModuleInterop`, `allowSyntheticDefaultImports`, `noUncheckedSideEffectImports`, `libReplacement`, and the
 * automatic `types` and `typeRoots`), with `skipLibCheck`, as ts-node's checker checks no declaration file. Options
 * TypeScript 7 removed stay in, so that it says so itself, but for `alwaysStrict: false`, which changes nothing in a
 * module (modules are strict code): it is left out, and {@link NativeTsconfig.scriptsUnlike} says the answer holds
 * only if every file checked is one. Undefined when this TypeScript lacks the internals to write its options back.
 *
 * @param file where the tsconfig will be written: relative paths are relative to it
 */
export function nativeTsconfig(
  ts: TsForConfig,
  parsed: TS.ParsedCommandLine,
  file: string,
  mainFile: string,
): NativeTsconfig | undefined {
  const { convertToTSConfig, getESModuleInterop, getAllowSyntheticDefaultImports, getStrictOptionValue } = ts;
  if (
    !convertToTSConfig ||
    !getESModuleInterop ||
    !getAllowSyntheticDefaultImports ||
    !getStrictOptionValue
  ) {
    return undefined;
  }
  const options = parsed.options;
  const host = { getCurrentDirectory: () => ts.sys.getCurrentDirectory(), useCaseSensitiveFileNames: true };
  const written = { ...convertToTSConfig(parsed, file, host).compilerOptions };
  for (const name of EMIT_ONLY) delete written[name];
  const configDir =
    typeof options.configFilePath === "string" ? path.dirname(options.configFilePath) : undefined;
  const alwaysStrict = getStrictOptionValue(options, "alwaysStrict");
  delete written["alwaysStrict"];
  // TypeScript's own default: with module node16 to nodenext, every file is a module.
  const module = options.module ?? 0;
  const everyFileAModule =
    (options.moduleDetection ??
      (module >= ts.ModuleKind.Node16 && module <= ts.ModuleKind.NodeNext
        ? ts.ModuleDetectionKind.Force
        : ts.ModuleDetectionKind.Auto)) === ts.ModuleDetectionKind.Force;
  return {
    scriptsUnlike: !alwaysStrict && !everyFileAModule,
    tsconfig: {
      compilerOptions: {
        ...written,
        noEmit: true,
        // tsc checks every file; ts-node's checker only the program's own, never a declaration file: their
        // diagnostics are not reported either way, and checking them would take the most time (azure-native's).
        skipLibCheck: true,
        strict: options.strict ?? false,
        esModuleInterop: getESModuleInterop(options) ?? false,
        allowSyntheticDefaultImports: getAllowSyntheticDefaultImports(options),
        noUncheckedSideEffectImports: options.noUncheckedSideEffectImports ?? false,
        libReplacement: (options as { libReplacement?: boolean }).libReplacement ?? true,
        // `--showConfig` leaves out the output-formatting options; this one changes the messages.
        ...(options.noErrorTruncation === undefined ? {} : { noErrorTruncation: options.noErrorTruncation }),
        types: options.types ?? ts.getAutomaticTypeDirectiveNames(options, ts.sys),
        typeRoots: options.typeRoots ?? ts.getEffectiveTypeRoots(options, ts.sys) ?? [],
        ...(options.paths === undefined || options.baseUrl !== undefined
          ? {}
          : { paths: absolutePaths(options.paths, configDir ?? ts.sys.getCurrentDirectory()) }),
      },
      files: [mainFile],
    },
  };
}

export interface NativeTsconfig {
  readonly tsconfig: Record<string, unknown>;
  /** TypeScript 5 would check a script (a file without import or export) as non-strict code, TypeScript 7 cannot. */
  readonly scriptsUnlike: boolean;
}

/** `paths` without `baseUrl` are relative to the tsconfig's folder, which the written tsconfig is not in. */
function absolutePaths(paths: TS.MapLike<string[]>, base: string): TS.MapLike<string[]> {
  return Object.fromEntries(
    Object.entries(paths).map(([pattern, targets]) => [pattern, targets.map((t) => path.resolve(base, t))]),
  );
}
