import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type * as TS from "typescript";
import { CheckError } from "../checkError";
import { startCheckerProcess } from "./checkerProcess";
import { NativeCompiler } from "./nativeCompiler";
import { PrintedDiagnostic, parseNativeOutput } from "./nativeOutput";
import { nativeTsconfig } from "./nativeTsconfig";
import {
  IGNORED_BY_TS_NODE,
  TypeCheckAnswer,
  TypeCheckRequest,
  isOwnSource,
  settingsOf,
} from "./typeCheckWorker";
import { loadModule, tsNodeOptions } from "./typescriptSettings";

/** The native compiler's answer, or why ts-node's TypeScript must answer instead (no note: nothing to tell). */
export type NativeOutcome =
  | { readonly kind: "checked"; readonly answer: TypeCheckAnswer }
  | { readonly kind: "fallback"; readonly note?: string };

interface TsNodeService {
  readonly config: TS.ParsedCommandLine;
  readonly options: { readonly ignoreDiagnostics?: readonly (number | string)[] };
}

/** Diagnostics by which TypeScript 7 says it dropped an option or a value (unknown, removed, not allowed). */
const REMOVED_OPTION = new Set([5023, 5102, 5108, 6046]);

/**
 * Type-checks the program with TypeScript 7's native `tsc` in a process of its own, with the options ts-node's
 * TypeScript would use (nativeTsconfig.ts), and answers as the TypeScript 5 checker (typeCheckWorker.ts) does: the
 * diagnostics of the program's own TypeScript files, ts-node's ignored codes left out, file by file in the
 * compiler's order, each printed as TypeScript prints it. Where TypeScript 7 cannot give that answer, the outcome is
 * a fallback with one sentence saying why:
 *
 * - it rejects the options: an option it removed (`moduleResolution: node`, `esModuleInterop: false`...), or an
 *   option error ts-node ignores (tsc checks no file after an option error);
 * - `alwaysStrict` is false and a file is a script, which TypeScript 7 would check as strict code;
 * - it stopped at syntax errors (tsc checks no file after one; ts-node's TypeScript lists type errors with them);
 * - it failed to run.
 */
export function startNativeTypeCheck(
  request: TypeCheckRequest,
  compiler: NativeCompiler,
): { outcome: Promise<NativeOutcome>; stop(): void } {
  const settings = settingsOf(request);
  const ts = loadModule<typeof TS>("typescript", settings.typescript);
  const fallback = (why: string): NativeOutcome => ({
    kind: "fallback",
    note: `TypeScript ${compiler.version} ${why}: type-checked with TypeScript ${ts.version} through ts-node instead.`,
  });
  let service: TsNodeService;
  try {
    service = loadModule<{ create(options: Record<string, unknown>): TsNodeService }>(
      "ts-node",
      settings.tsNode,
    ).create(tsNodeOptions(settings, true));
  } catch {
    // A tsconfig ts-node refuses: the TypeScript 5 checker reports it as the run would.
    return { outcome: Promise.resolve({ kind: "fallback" }), stop: () => undefined };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-check-tsc-"));
  const tsconfig = path.join(dir, "tsconfig.json");
  let config: ReturnType<typeof nativeTsconfig>;
  try {
    config = nativeTsconfig(ts, service.config, tsconfig, request.mainFile);
  } catch {
    // Options TypeScript's own writer cannot write back: ts-node's TypeScript checks with them.
    config = undefined;
  }
  if (config === undefined) {
    fs.rmSync(dir, { recursive: true, force: true });
    return {
      outcome: Promise.resolve(fallback(`cannot be given the options of TypeScript ${ts.version}`)),
      stop: () => undefined,
    };
  }
  fs.writeFileSync(tsconfig, JSON.stringify(config.tsconfig, null, 2));
  const checker = startCheckerProcess(
    compiler.executable,
    ["-p", tsconfig, "--pretty", String(request.pretty), "--listFiles"],
    { cwd: settings.programDir },
  );
  const { child } = checker;
  let stopped = false;
  const outcome = new Promise<NativeOutcome>((resolve, reject) => {
    child.once("error", (err) => {
      fs.rmSync(dir, { recursive: true, force: true });
      resolve(fallback(`could not start (${err.message})`));
    });
    child.once("close", (code, signal) => {
      fs.rmSync(dir, { recursive: true, force: true });
      if (stopped) return reject(new CheckError("The type-check was stopped."));
      // 0: no errors; 1 and 2: errors (2: and files emitted, which --noEmit rules out).
      if (code === null || code > 2) {
        const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        const printed = checker.stderr().trim() || checker.stdout().trim();
        return resolve(fallback(`${how} (${printed.split("\n")[0] ?? ""})`));
      }
      const output = parseNativeOutput(checker.stdout(), settings.programDir);
      const optionErrors = output.diagnostics.filter((d) => d.file === undefined || d.file === tsconfig);
      if (optionErrors.length > 0) {
        // A removed option, or an option error ts-node ignores: either way tsc checked no file.
        const removed = optionErrors.some((d) => REMOVED_OPTION.has(d.code));
        const from = settings.hasTsconfig ? `${path.basename(settings.tsconfig)} and ` : "";
        return resolve(
          fallback(
            `${removed ? "cannot check with" : "checks no file under"} the compiler options the program gets ` +
              `from ${from}TypeScript ${ts.version}'s defaults (` +
              `${[...new Set(optionErrors.map(optionMessage))].join("; ")})`,
          ),
        );
      }
      if (stoppedAtSyntax(ts, output.diagnostics, service.config.options)) {
        return resolve(
          fallback("stops at syntax errors, before the type errors ts-node's TypeScript lists with them"),
        );
      }
      const script = config.scriptsUnlike ? firstScript(ts, output.files.filter(isOwnSource)) : undefined;
      if (script !== undefined) {
        return resolve(
          fallback(
            "checks every file as strict code, and under the program's alwaysStrict: false (TypeScript " +
              `${ts.version}'s default without strict) ${path.relative(settings.programDir, script)} is not: ` +
              "it has no import or export",
          ),
        );
      }
      resolve({ kind: "checked", answer: ownAnswer(output, service) });
    });
  });
  outcome.catch(() => undefined);
  return {
    outcome,
    stop: () => {
      stopped = true;
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    },
  };
}

/** What the TypeScript 5 checker would answer: the program's own files' diagnostics, in the compiler's order. */
function ownAnswer(output: ReturnType<typeof parseNativeOutput>, service: TsNodeService): TypeCheckAnswer {
  const ignored = new Set([...IGNORED_BY_TS_NODE, ...(service.options.ignoreDiagnostics ?? [])].map(Number));
  const own = output.files.filter(isOwnSource);
  const text = own
    .flatMap((file) => output.diagnostics.filter((d) => d.file === file && !ignored.has(d.code)))
    .map((d) => d.text)
    .join("");
  return text === "" ? { files: own.length } : { diagnostics: text, files: own.length };
}

/**
 * Whether tsc reported syntax errors, after which it checks no file: any file it reported on has syntax errors for
 * ts-node's TypeScript too (parsed alone, without its imports or libraries).
 */
function stoppedAtSyntax(
  ts: typeof TS,
  diagnostics: readonly PrintedDiagnostic[],
  options: TS.CompilerOptions,
): boolean {
  const files = [...new Set(diagnostics.flatMap((d) => (d.file === undefined ? [] : [d.file])))];
  if (files.length === 0) return false;
  const program = ts.createProgram({
    rootNames: files,
    options: { ...options, noResolve: true, noLib: true, types: [], noEmit: true },
  });
  return files.some((file) => {
    const source = program.getSourceFile(file);
    return source !== undefined && program.getSyntacticDiagnostics(source).length > 0;
  });
}

/** The first of these files that is a script (no import or export), which only `alwaysStrict` makes strict code. */
function firstScript(ts: typeof TS, files: readonly string[]): string | undefined {
  return files.find(
    (file) =>
      !ts.isExternalModule(ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest)),
  );
}

/** `Option 'x' has been removed` from `error TS5108: Option 'x' has been removed. Please remove it from …`. */
function optionMessage(d: PrintedDiagnostic): string {
  return d.message
    .replace(/^(?:error|warning|message) TS\d+: /, "")
    .replace(/ Please remove it from your configuration\.$/, "")
    .replace(/\.$/, "");
}
