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
import { RecordedStack } from "./recordedStack";
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

  const cwd = process.cwd();
  const loadedBefore = new Set(Object.keys(createRequire(__filename).cache));
  const uninstallHook = project.typescript ? installTypeScriptHook(project.dir, sdk.root) : () => undefined;
  const asyncFailures: unknown[] = [];
  const onAsyncFailure = (err: unknown): void => void asyncFailures.push(err);
  process.on("uncaughtException", onAsyncFailure);
  process.on("unhandledRejection", onAsyncFailure);
  const output = capturedOutput();
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
        asyncFailures.unshift(err);
      }
      // Let rejections the program left unhandled surface before the verdict.
      await new Promise((resolve) => setImmediate(resolve));
    });
  } finally {
    output.restore();
    process.off("uncaughtException", onAsyncFailure);
    process.off("unhandledRejection", onAsyncFailure);
    uninstallHook();
    process.chdir(cwd);
    forgetProgramModules(loadedBefore);
  }
  if (asyncFailures.length > 0) {
    const err = asyncFailures[0];
    throw err instanceof CheckError ? err : programFailure(err, mainFile, sdk.isPulumiError(err));
  }
  const stackUrn = recorder.resources().find((r) => r.type === "pulumi:pulumi:Stack")?.urn;
  const logs = [
    ...recorder.logs(),
    ...output.lines().map((l) => ({ ...l, ...(stackUrn ? { urn: stackUrn } : {}) })),
  ];
  const errors = logs.filter((l) => l.severity === "error");
  if (errors.length > 0) {
    throw new CheckError(
      `The program ${path.relative(cwd, mainFile)} logged ${errors.length === 1 ? "an error" : `${errors.length} errors`}, ` +
        `so a preview would fail: ${errors.map((e) => e.message).join(" / ")}`,
    );
  }
  return { project: project.name, stack: config.stack, mainFile, resources: recorder.resources(), logs };
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
