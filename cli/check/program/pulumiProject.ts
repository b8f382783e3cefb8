import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import { messageOf } from "../../command/commandError";
import { CheckError } from "../checkError";

/** A project-level config entry of Pulumi.yaml: a plain value, or `{ type?, default?, value?, secret? }`. */
export interface ProjectConfigEntry {
  readonly value?: unknown;
  readonly secret: boolean;
}

/** The parts of a Pulumi project (Pulumi.yaml) that running its program needs. */
export interface PulumiProject {
  /** Absolute path of the folder that holds Pulumi.yaml. */
  readonly dir: string;
  readonly name: string;
  /** Absolute path of `main` (a file or a folder), or `dir` when Pulumi.yaml gives none. */
  readonly main: string;
  /** `runtime.options.typescript`: `false` turns off ts-node, as in the Pulumi CLI. */
  readonly typescript: boolean;
  /**
   * The folder the program runs in, as the engine gives it (its `pwd`): `main`'s folder when `main` names a file,
   * `main` when it names a folder, else `dir`. Relative paths in the program, and its tsconfig, start here.
   */
  readonly programDir: string;
  /**
   * `runtime.options.tsconfig`: the tsconfig the program compiles with, relative to `programDir` (the Node.js
   * language host hands it to the program as `PULUMI_NODEJS_TSCONFIG_PATH`, and the program runs in `programDir`);
   * absent when Pulumi.yaml names none.
   */
  readonly tsconfig?: string;
  /** Project-level config by key, with the project namespace added to bare keys. */
  readonly config: ReadonlyMap<string, ProjectConfigEntry>;
}

/** Reads `<dir>/Pulumi.yaml`; every problem is a {@link CheckError} naming the file and what is wrong. */
export function readPulumiProject(programDir: string): PulumiProject {
  const dir = path.resolve(programDir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new CheckError(`There is no folder "${programDir}": give the folder of a Pulumi program.`);
  }
  const file = path.join(dir, "Pulumi.yaml");
  if (!fs.existsSync(file)) {
    throw new CheckError(
      `"${programDir}" holds no Pulumi.yaml, so it is not a Pulumi project: give the folder that holds the ` +
        "program's Pulumi.yaml.",
    );
  }
  const doc = parseYaml(file);
  const where = `${path.relative(process.cwd(), file) || file}`;
  const name = doc["name"];
  if (typeof name !== "string" || name === "") {
    throw new CheckError(`${where} has no project name: add "name: <project>".`);
  }
  const runtime = doc["runtime"];
  const runtimeName =
    typeof runtime === "object" && runtime !== null ? (runtime as Record<string, unknown>)["name"] : runtime;
  if (runtimeName !== "nodejs") {
    throw new CheckError(
      `${where} declares runtime ${JSON.stringify(runtimeName ?? null)}, but check runs only Node.js programs ` +
        '(runtime "nodejs", in TypeScript or JavaScript).',
    );
  }
  const options =
    typeof runtime === "object" && runtime !== null
      ? (runtime as Record<string, unknown>)["options"]
      : undefined;
  const typescript = (options as Record<string, unknown> | undefined)?.["typescript"] !== false;
  const tsconfig = (options as Record<string, unknown> | undefined)?.["tsconfig"];
  if (tsconfig !== undefined && typeof tsconfig !== "string") {
    throw new CheckError(
      `${where}: runtime.options.tsconfig ${JSON.stringify(tsconfig)} is not a path: give the program's ` +
        "tsconfig file, relative to the folder of main.",
    );
  }
  const main = doc["main"];
  if (main !== undefined && typeof main !== "string") {
    throw new CheckError(
      `${where}: main ${JSON.stringify(main)} is not a path: give the program's entry file or folder.`,
    );
  }
  const mainPath = main === undefined ? dir : path.resolve(dir, main);
  const mainIsFolder = fs.existsSync(mainPath) && fs.statSync(mainPath).isDirectory();
  return {
    dir,
    name,
    main: mainPath,
    programDir: mainIsFolder ? mainPath : path.dirname(mainPath),
    typescript,
    ...(tsconfig === undefined ? {} : { tsconfig }),
    config: projectConfig(doc["config"], name, where),
  };
}

function parseYaml(file: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = yaml.load(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new CheckError(`${file} is not valid YAML: ${messageOf(err)}`);
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) {
    throw new CheckError(`${file} does not hold a YAML mapping of project settings.`);
  }
  return doc as Record<string, unknown>;
}

function projectConfig(section: unknown, project: string, where: string): Map<string, ProjectConfigEntry> {
  const config = new Map<string, ProjectConfigEntry>();
  if (section === undefined || section === null) return config;
  if (typeof section !== "object" || Array.isArray(section)) {
    throw new CheckError(`${where}: config must be a mapping of keys to values or to { type, default }.`);
  }
  for (const [key, entry] of Object.entries(section)) {
    const fullKey = key.includes(":") ? key : `${project}:${key}`;
    const isSpec = typeof entry === "object" && entry !== null && !Array.isArray(entry);
    if (!isSpec) {
      config.set(fullKey, { value: entry, secret: false });
      continue;
    }
    const spec = entry as Record<string, unknown>;
    // A typed declaration ({ type, default }) or a plain object value; only declarations carry these keys.
    const declared = ["type", "default", "value", "secret", "description", "items"].some((k) => k in spec);
    if (!declared) {
      config.set(fullKey, { value: spec, secret: false });
      continue;
    }
    const value = "value" in spec ? spec["value"] : spec["default"];
    config.set(fullKey, { value, secret: spec["secret"] === true });
  }
  return config;
}
