import { createRequire } from "module";
import * as path from "path";
import { CheckError } from "../checkError";
import { azureNativeAutoname } from "./azureNativeAutonames";
import { azureNativeInputLookup } from "./azureNativeSdkInputs";
import { capturedOutput } from "./capturedOutput";
import { previewMocks } from "./previewMocks";
import { programFailure } from "./programFailure";
import { resolveProgramMain } from "./programMain";
import { loadProgramSdk } from "./programSdk";
import { PulumiProject } from "./pulumiProject";
import { ProgramLog, RecordedStack } from "./recordedStack";
import { StackConfig } from "./stackConfig";
import { StackRecorder } from "./stackRecorder";
import { installTypeScriptHook } from "./typescriptHook";

/** The organization a self-managed Pulumi backend reports. */
const ORGANIZATION = "organization";

/**
 * Runs the program in this process under Pulumi's own mock runtime — the program's own copy of @pulumi/pulumi —
 * with the semantics of a first preview of a new stack, and records what it registers. The program runs inside
 * the root `pulumi:pulumi:Stack` resource with the project folder as working directory, as `pulumi preview` runs
 * it. A program that throws, rejects a promise or logs an error fails the run with a {@link CheckError}.
 */
export async function runProgram(project: PulumiProject, config: StackConfig): Promise<RecordedStack> {
  const sdk = loadProgramSdk(project.dir);
  const declaresInput = azureNativeInputLookup(project.dir);
  const autoname = (type: string, name: string, inputs: Readonly<Record<string, unknown>>) =>
    azureNativeAutoname(type, name, inputs, declaresInput);
  const recorder = new StackRecorder(autoname);
  const mocks = previewMocks((type, name, inputs) => {
    const named = autoname(type, name, inputs);
    return named === undefined ? inputs : { ...inputs, [named[0]]: named[1] };
  });

  const environment = enterProgramEnvironment(project, sdk.root);
  let mainFile = project.main;
  try {
    mainFile = resolveProgramMain(project);
    const main = mainFile;
    process.chdir(project.dir);
    await sdk.withLocalStorage(async () => {
      await sdk.setMocks(mocks, project.name, config.stack, true, ORGANIZATION);
      recorder.attach(sdk.getMonitor(), project.name, config.stack);
      const store = sdk.getStore();
      store.settings.engine = recorder.engine;
      store.settings.options.rootDirectory = project.dir;
      sdk.setAllConfig({ ...config.values }, [...config.secretKeys]);
      try {
        await sdk.runInPulumiStack(async () => {
          const exported: unknown = createRequire(main)(main);
          return typeof exported === "function" ? await (exported as () => unknown)() : exported;
        });
        await sdk.waitForRPCs();
      } catch (err) {
        environment.failures.unshift(err);
      }
      // Let rejections the program left unhandled surface before the verdict.
      await new Promise((resolve) => setImmediate(resolve));
    });
  } finally {
    environment.leave();
  }
  if (environment.failures.length > 0) {
    const err = environment.failures[0];
    throw err instanceof CheckError ? err : programFailure(err, mainFile, sdk.isPulumiError(err));
  }
  const stackUrn = recorder.resources().find((r) => r.type === "pulumi:pulumi:Stack")?.urn;
  const printed = environment.printed().map((l) => ({ ...l, ...(stackUrn ? { urn: stackUrn } : {}) }));
  const logs = [...recorder.logs(), ...printed];
  failOnLoggedErrors(logs, mainFile);
  return { project: project.name, stack: config.stack, mainFile, resources: recorder.resources(), logs };
}

/**
 * What `pulumi` gives a program's process, set up for the run and taken down after it: the TypeScript hook, the
 * project folder as working directory (entered once the entry file is resolved), handlers that catch what the
 * program throws asynchronously, and stdout/stderr captured as the program's output.
 */
function enterProgramEnvironment(
  project: PulumiProject,
  sdkRoot: string,
): { failures: unknown[]; printed(): ProgramLog[]; leave(): void } {
  const cwd = process.cwd();
  const loadedBefore = new Set(Object.keys(createRequire(__filename).cache));
  const uninstallHook = project.typescript ? installTypeScriptHook(project.dir, sdkRoot) : () => undefined;
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
