import { createRequire } from "module";
import * as path from "path";
import { CheckError } from "../checkError";
import { azureNativeAutoname } from "./azureNativeAutonames";
import { azureNativeInputLookup } from "./azureNativeSdkInputs";
import { capturedOutput } from "./capturedOutput";
import { previewMocks } from "./previewMocks";
import { CompileError, compileFailure, programFailure } from "./programFailure";
import { resolveProgramMain } from "./programMain";
import { ProgramSdk, findProgramSdk, loadProgramSdk } from "./programSdk";
import { PulumiProject } from "./pulumiProject";
import { ProgramLog, RecordedStack } from "./recordedStack";
import { StackConfig } from "./stackConfig";
import { StackRecorder } from "./stackRecorder";
import { CompilerChoice } from "./nativeCompiler";
import { TypeCheck, TypeChecker, startTypeCheck } from "./typeCheck";
import { installTypeScriptHook } from "./typescriptHook";
import { TypeScriptSettings, transpileOnlyByEnvironment, typescriptSettings } from "./typescriptSettings";

/** The organization a self-managed Pulumi backend reports. */
const ORGANIZATION = "organization";

/** A program that has run; its type-check may still be running beside it. */
export interface ProgramRun {
  readonly stack: RecordedStack;
  /**
   * Resolves when the program type-checks (with the checker's milliseconds; undefined when nothing was
   * type-checked: JavaScript, `noCheck`, `PULUMI_NODEJS_TRANSPILE_ONLY`); rejects with the compile errors.
   */
  readonly typeChecked: Promise<
    { readonly ms: number; readonly peakMiB?: number; readonly checker: TypeChecker } | undefined
  >;
  /** Stops the type-check if it still runs: call when the check ends without waiting for it. */
  stop(): void;
}

/** How the program is type-checked. */
export interface TypeCheckOptions {
  /** TypeScript 7's native compiler, or none (ts-node's TypeScript); see nativeCompiler.ts. */
  readonly compiler?: CompilerChoice;
  /** Told which compiler answered, as soon as it has, whether the program compiles or not. */
  readonly onChecker?: (checker: TypeChecker) => void;
}

/** {@link startProgram}, then its type-check: a program that does not compile fails the run. */
export async function runProgram(
  project: PulumiProject,
  config: StackConfig,
  options: TypeCheckOptions = {},
): Promise<RecordedStack> {
  const run = await startProgram(project, config, options);
  await run.typeChecked;
  return run.stack;
}

/**
 * A program about to run: its entry file is known and its type-check, when it has one, has started. What loads the
 * SDK and runs the program comes after, so that the checker, the longest part of a check, starts first.
 */
export interface PreparedProgram {
  readonly project: PulumiProject;
  /** The file `pulumi` would run. */
  readonly mainFile: string;
  /** How ts-node compiles the program, read once for the run and its type-check. */
  readonly typescript: () => TypeScriptSettings;
  /** The type-check beside the run; none for JavaScript, `noCheck`, `PULUMI_NODEJS_TRANSPILE_ONLY`. */
  readonly typeCheck?: TypeCheck;
  /** Stops the type-check if it still runs (the check ended without running the program, or without its answer). */
  stop(): void;
}

/**
 * Finds the program's SDK and entry file and starts its type-check in a process of its own (typeCheck.ts), before
 * anything else loads: on a program like Pulumi's AKS examples the checker takes as long as `tsc --noEmit`, the
 * run and the packs less, so every moment it waits is added to the check.
 */
export function prepareProgram(project: PulumiProject, options: TypeCheckOptions = {}): PreparedProgram {
  const sdkRoot = path.dirname(findProgramSdk(project.dir));
  let settings: TypeScriptSettings | undefined;
  const typescript = (): TypeScriptSettings =>
    (settings ??= typescriptSettings(project.programDir, sdkRoot, project.tsconfig));
  // The entry may be index.ts found through the folder, which resolves only with the hook's .ts loader in place.
  const uninstallHook = project.typescript ? installTypeScriptHook(typescript) : () => undefined;
  let mainFile: string;
  try {
    mainFile = resolveProgramMain(project);
  } finally {
    uninstallHook();
  }
  if (!project.typescript || !TYPESCRIPT_SOURCE.test(mainFile) || transpileOnlyByEnvironment() === true) {
    return { project, mainFile, typescript, stop: () => undefined };
  }
  const pretty = process.stdout.isTTY === true;
  // TypeScript 5's checker reads the settings itself, so that it starts before this process loads TypeScript to
  // read them; TypeScript 7's is started from this process, with them.
  let typeCheck: TypeCheck | undefined =
    options.compiler?.native === undefined
      ? startTypeCheck(
          {
            settings: { programDir: project.programDir, sdkRoot, tsconfigOption: project.tsconfig },
            mainFile,
            pretty,
          },
          options.compiler,
        )
      : undefined;
  try {
    if (!typescript().typeCheck) {
      // The tsconfig says noCheck: nothing is type-checked, as by Pulumi's host.
      typeCheck?.stop();
      typeCheck = undefined;
    } else {
      typeCheck ??= startTypeCheck({ settings: typescript(), mainFile, pretty }, options.compiler);
    }
  } catch (err) {
    typeCheck?.stop();
    throw err;
  }
  const started = typeCheck;
  started?.answer.then((answer) => options.onChecker?.(answer.checker)).catch(() => undefined);
  return { project, mainFile, typescript, typeCheck: started, stop: () => started?.stop() };
}

/** {@link prepareProgram}, then {@link runPreparedProgram}. */
export async function startProgram(
  project: PulumiProject,
  config: StackConfig,
  options: TypeCheckOptions = {},
): Promise<ProgramRun> {
  return runPreparedProgram(prepareProgram(project, options), config);
}

/**
 * Runs the program in this process under Pulumi's own mock runtime — the program's own copy of @pulumi/pulumi —
 * with the semantics of a first preview of a new stack, and records what it registers. The program runs inside
 * the root `pulumi:pulumi:Stack` resource with the project folder as working directory, as `pulumi preview` runs
 * it. A program that throws, rejects a promise or logs an error fails the run with a {@link CheckError}.
 *
 * TypeScript is transpiled in-process while the type-check {@link prepareProgram} started runs in its own process,
 * so the two overlap. A compile error wins over anything the run found, as it does when ts-node type-checks each
 * file before it runs: a program that does not compile and also throws is reported as not compiling.
 */
export async function runPreparedProgram(
  prepared: PreparedProgram,
  config: StackConfig,
): Promise<ProgramRun> {
  const { project, mainFile, typeCheck } = prepared;
  let sdk: ProgramSdk;
  try {
    sdk = loadProgramSdk(project.dir);
  } catch (err) {
    typeCheck?.stop();
    throw err;
  }
  const declaresInput = azureNativeInputLookup(project.dir);
  const autoname = (type: string, name: string, inputs: Readonly<Record<string, unknown>>) =>
    azureNativeAutoname(type, name, inputs, declaresInput);
  const recorder = new StackRecorder(autoname);
  const mocks = previewMocks((type, name, inputs) => {
    const named = autoname(type, name, inputs);
    return named === undefined ? inputs : { ...inputs, [named[0]]: named[1] };
  });

  const environment = enterProgramEnvironment(project, prepared.typescript);
  try {
    process.chdir(project.programDir);
    await sdk.withFreshStore(async () => {
      await sdk.setMocks(mocks, project.name, config.stack, true, ORGANIZATION);
      recorder.attach(sdk.getMonitor(), project.name, config.stack);
      const store = sdk.getStore();
      store.settings.engine = recorder.engine;
      store.settings.options.rootDirectory = project.dir;
      sdk.setAllConfig({ ...config.values }, [...config.secretKeys]);
      try {
        await sdk.runInPulumiStack(async () => {
          const exported: unknown = createRequire(mainFile)(mainFile);
          return typeof exported === "function" ? await (exported as () => unknown)() : exported;
        });
        await sdk.waitForRPCs();
      } catch (err) {
        environment.failures.unshift(err);
      }
      // Let rejections the program left unhandled surface before the verdict.
      await new Promise((resolve) => setImmediate(resolve));
    });
  } catch (err) {
    typeCheck?.stop();
    throw err;
  } finally {
    environment.leave();
  }
  const typeChecked = (typeCheck?.answer ?? Promise.resolve(undefined)).then((answer) => {
    if (answer?.diagnostics !== undefined) throw compileFailure(answer.diagnostics, mainFile);
    return answer === undefined
      ? undefined
      : {
          ms: answer.ms,
          checker: answer.checker,
          ...(answer.peakMiB === undefined ? {} : { peakMiB: answer.peakMiB }),
        };
  });
  typeChecked.catch(() => undefined);
  try {
    if (environment.failures.length > 0) {
      const err = environment.failures[0];
      throw err instanceof CheckError ? err : programFailure(err, mainFile, sdk.isPulumiError(err));
    }
    const stackUrn = recorder.resources().find((r) => r.type === "pulumi:pulumi:Stack")?.urn;
    const printed = environment.printed().map((l) => ({ ...l, ...(stackUrn ? { urn: stackUrn } : {}) }));
    const logs = [...recorder.logs(), ...printed];
    failOnLoggedErrors(logs, mainFile);
    const stack = {
      project: project.name,
      stack: config.stack,
      mainFile,
      resources: recorder.resources(),
      logs,
    };
    return { stack, typeChecked, stop: () => typeCheck?.stop() };
  } catch (failure) {
    // A compile error is what ts-node would have stopped at first; the checker's own failure is not the program's.
    const compileError = await typeChecked.then(
      () => undefined,
      (err: unknown) => (err instanceof CompileError ? err : undefined),
    );
    throw compileError ?? failure;
  }
}

/** Files the TypeScript hook compiles, and whose entry starts a type-check. */
const TYPESCRIPT_SOURCE = /\.(ts|tsx|mts|cts)$/;

/**
 * What `pulumi` gives a program's process, set up for the run and taken down after it: the TypeScript hook, the
 * project folder as working directory (entered once the entry file is resolved), handlers that catch what the
 * program throws asynchronously, and stdout/stderr captured as the program's output.
 */
function enterProgramEnvironment(
  project: PulumiProject,
  typescript: () => TypeScriptSettings,
): { failures: unknown[]; printed(): ProgramLog[]; leave(): void } {
  const cwd = process.cwd();
  const loadedBefore = new Set(Object.keys(createRequire(__filename).cache));
  const uninstallHook = project.typescript ? installTypeScriptHook(typescript) : () => undefined;
  const failures: unknown[] = [];
  const onFailure = (err: unknown): void => void failures.push(err);
  process.on("uncaughtException", onFailure);
  process.on("unhandledRejection", onFailure);
  const output = capturedOutput();
  return {
    failures,
    printed: () => output.lines(),
    leave: () => {
      output.restore();
      process.off("uncaughtException", onFailure);
      process.off("unhandledRejection", onFailure);
      uninstallHook();
      process.chdir(cwd);
      forgetProgramModules(loadedBefore);
    },
  };
}

/** An error a program logs (`pulumi.log.error`) fails a preview, so it fails the check. */
function failOnLoggedErrors(logs: readonly ProgramLog[], mainFile: string): void {
  const errors = logs.filter((l) => l.severity === "error");
  if (errors.length === 0) return;
  throw new CheckError(
    `The program ${path.relative(process.cwd(), mainFile)} logged ` +
      `${errors.length === 1 ? "an error" : `${errors.length} errors`}, so a preview would fail: ` +
      errors.map((e) => e.message).join(" / "),
  );
}

/**
 * Drops the program's own modules (not its dependencies) from the module cache, so that checking the same
 * program again runs it again.
 */
function forgetProgramModules(loadedBefore: ReadonlySet<string>): void {
  const cache = createRequire(__filename).cache;
  for (const file of Object.keys(cache)) {
    if (!loadedBefore.has(file) && !file.split(path.sep).includes("node_modules")) delete cache[file];
  }
}
