import { createRequire } from "module";
import * as path from "path";
import type { Mocks } from "@pulumi/pulumi/runtime/mocks";
import type {
  ReadResourceRequest,
  RegisterResourceOutputsRequest,
  RegisterResourceRequest,
} from "@pulumi/pulumi/proto/resource_pb";
import { CheckError } from "../checkError";

type Callback = (err: Error | null, response?: unknown) => void;

/** The resource monitor calls this tool listens to; `MockMonitor` implements them in-process. */
export interface MonitorLike {
  /** MockMonitor's URN for a new resource (its own method, called for each registration and read). */
  newUrn(parent: string, type: string, name: string): string;
  registerResource(req: RegisterResourceRequest, callback: Callback): void;
  readResource(req: ReadResourceRequest, callback: Callback): void;
  registerResourceOutputs(req: RegisterResourceOutputsRequest, callback: Callback): void;
}

/** What the SDK's engine client is asked for: `Log` (pulumi.log.*) and the root resource. */
export interface EngineLike {
  log(req: { getSeverity(): number; getMessage(): string; getUrn(): string }, callback: Callback): void;
  setRootResource(req: unknown, callback: Callback): void;
  getRootResource(req: unknown, callback: Callback): void;
}

interface Store {
  settings: { engine?: EngineLike; options: { rootDirectory?: string } };
}

/**
 * The program's own copy of `@pulumi/pulumi`, and the runtime entry points a test of a program uses. The copy is
 * resolved from the program's folder: a program with its own node_modules registers its resources through its own
 * copy, and mocks set on any other copy would see nothing.
 */
export interface ProgramSdk {
  /** Folder of the package. */
  readonly root: string;
  readonly version: string;
  setMocks(
    mocks: Mocks,
    project: string,
    stack: string,
    preview: boolean,
    organization: string,
  ): Promise<void>;
  getMonitor(): MonitorLike;
  /**
   * Runs `fn` with a fresh runtime state of its own, as the SDK's `withLocalStorage` does, but without entering an
   * AsyncLocalStorage context, whose promise hooks tax every promise the program makes: while `fn` runs, the SDK's
   * `global.asyncLocalStorage` answers `getStore()` with one new store (one program runs at a time).
   */
  withFreshStore<T>(fn: () => Promise<T>): Promise<T>;
  getStore(): Store;
  setAllConfig(config: Record<string, string>, secretKeys: string[]): void;
  /** Registers the root `pulumi:pulumi:Stack` resource and runs the program inside it, as `pulumi` does. */
  runInPulumiStack(init: () => Promise<unknown>): Promise<unknown>;
  /** Resolves when every registration the program started has been answered. */
  waitForRPCs(): Promise<void>;
  /** Whether `err` is one of the SDK's errors whose stack says nothing useful (RunError, ResourceError). */
  isPulumiError(err: unknown): boolean;
}

/**
 * The package.json of the program's @pulumi/pulumi, found without loading the SDK; a program that has none cannot
 * run, which is said plainly.
 */
export function findProgramSdk(programDir: string): string {
  try {
    return require.resolve("@pulumi/pulumi/package.json", { paths: [programDir] });
  } catch {
    throw new CheckError(
      `The program in "${programDir}" cannot find @pulumi/pulumi: install its dependencies ` +
        '(run "npm install" in the program folder) and check again.',
    );
  }
}

/** Loads the program's @pulumi/pulumi (see {@link findProgramSdk}). */
export function loadProgramSdk(programDir: string): ProgramSdk {
  const manifest = findProgramSdk(programDir);
  const root = path.dirname(manifest);
  const load = createRequire(manifest);
  const version = (load("./package.json") as { version: string }).version;
  const mocks = load("./runtime/mocks") as { setMocks: ProgramSdk["setMocks"] };
  const settings = load("./runtime/settings") as {
    getMonitor(): MonitorLike | undefined;
    waitForRPCs(): Promise<void>;
  };
  const state = load("./runtime/state") as {
    getStore(): Store;
    LocalStore: new () => Store;
  };
  const config = load("./runtime/config") as { setAllConfig: ProgramSdk["setAllConfig"] };
  const stack = load("./runtime/stack") as { runInPulumiStack: ProgramSdk["runInPulumiStack"] };
  const errors = load("./errors") as {
    RunError: { isInstance(x: unknown): boolean };
    ResourceError: { isInstance(x: unknown): boolean };
  };
  return {
    root,
    version,
    setMocks: (m, project, stackName, preview, org) => mocks.setMocks(m, project, stackName, preview, org),
    getMonitor: () => {
      const monitor = settings.getMonitor();
      if (monitor === undefined) throw new Error("setMocks did not install a monitor");
      return monitor;
    },
    withFreshStore: async (fn) => {
      const holder = global as unknown as { asyncLocalStorage: { getStore(): unknown } };
      const real = holder.asyncLocalStorage;
      const store = new state.LocalStore();
      const fresh = Object.create(real) as typeof real;
      fresh.getStore = () => store;
      holder.asyncLocalStorage = fresh;
      try {
        return await fn();
      } finally {
        holder.asyncLocalStorage = real;
      }
    },
    getStore: () => state.getStore(),
    setAllConfig: (values, secretKeys) => config.setAllConfig(values, secretKeys),
    runInPulumiStack: (init) => stack.runInPulumiStack(init),
    waitForRPCs: () => settings.waitForRPCs(),
    isPulumiError: (err) => errors.RunError.isInstance(err) || errors.ResourceError.isInstance(err),
  };
}
