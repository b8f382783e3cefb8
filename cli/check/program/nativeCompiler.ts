import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { messageOf } from "../../command/commandError";
import { UsageError } from "../../command/usageError";
import { readJsonObject } from "./jsonObject";

/** The native TypeScript 7 `tsc` that type-checks the program in place of ts-node's TypeScript. */
export interface NativeCompiler {
  /** The executable to run: the platform binary of an installed package, or what `--tsc` names. */
  readonly executable: string;
  /** Its version, e.g. `7.0.2`. */
  readonly version: string;
}

/** Which compiler type-checks: the native one, or none (ts-node's TypeScript), with why when one was found unusable. */
export interface CompilerChoice {
  readonly native?: NativeCompiler;
  /** One sentence for stderr and the report: a TypeScript 7 that was found and cannot be used. */
  readonly note?: string;
}

/** The environment variable that chooses as `--tsc` does, for `npm start` and CI (the flag wins). */
export const TSC_ENV = "AKS_TRUSTED_ACCESS_TSC";
/** `--tsc` values that are not paths. */
export const TSC_AUTO = "auto";
export const TSC_TS_NODE = "ts-node";

/**
 * The alias the TypeScript team's side-by-side layout gives TypeScript 7 (`"@typescript/native":
 * "npm:typescript@^7"`, with `"typescript": "npm:@typescript/typescript6@^6"` for tools that need the JS API).
 */
const NATIVE_ALIAS = "@typescript/native";

/**
 * Chooses the compiler from `--tsc` (else {@link TSC_ENV}, else `auto`):
 *
 * - `auto`: a TypeScript 7 the program can reach as Node resolves from its folder, installed under `@typescript/native`
 *   or under any name that a package.json in the folder or above it aliases to `npm:typescript@…`;
 * - `ts-node`: the program's own `typescript` through ts-node, as Pulumi's Node.js host type-checks;
 * - a path: that TypeScript 7 `tsc` (the native binary, or a package's `bin/tsc`), checked with `--version`.
 */
export function chooseCompiler(programDir: string, flag: string | undefined): CompilerChoice {
  const fromFlag = flag !== undefined;
  const value = flag ?? process.env[TSC_ENV] ?? TSC_AUTO;
  const named = fromFlag ? `--tsc "${value}"` : `${TSC_ENV}="${value}"`;
  if (value === TSC_TS_NODE) return {};
  if (value === TSC_AUTO) return findInstalledCompiler(programDir);
  return { native: checkedExecutable(path.resolve(value), named) };
}

function checkedExecutable(executable: string, named: string): NativeCompiler {
  const allowed =
    `give the path of a TypeScript 7 tsc (e.g. node_modules/${NATIVE_ALIAS}/bin/tsc), ` +
    `"${TSC_AUTO}" or "${TSC_TS_NODE}"`;
  if (!fs.existsSync(executable) || fs.statSync(executable).isDirectory()) {
    throw new UsageError(`${named}: there is no such file: ${allowed}.`);
  }
  let printed: string;
  try {
    printed = execFileSync(executable, ["--version"], { encoding: "utf8", timeout: 30_000 });
  } catch (err) {
    throw new UsageError(`${named} could not be run (${messageOf(err).split("\n")[0]}): ${allowed}.`);
  }
  const version = /Version (\d+\.\d+\.\d+\S*)/.exec(printed)?.[1];
  if (version === undefined) {
    throw new UsageError(
      `${named} is not a TypeScript compiler (it printed "${printed.trim()}"): ${allowed}.`,
    );
  }
  if (!version.startsWith("7.")) {
    throw new UsageError(`${named} is TypeScript ${version}, not TypeScript 7: ${allowed}.`);
  }
  return { executable, version };
}

/** A TypeScript 7 package the program can reach, and its platform binary. */
function findInstalledCompiler(programDir: string): CompilerChoice {
  for (const name of [NATIVE_ALIAS, ...typescriptAliases(programDir)]) {
    const manifest = resolvePackageJson(name, programDir);
    if (manifest === undefined) continue;
    const pkg = readJsonObject(manifest);
    if (pkg["name"] !== "typescript" || typeof pkg["version"] !== "string") continue;
    if (!pkg["version"].startsWith("7.")) continue;
    const platform = `@typescript/typescript-${process.platform}-${process.arch}`;
    const binary = resolvePackageJson(platform, path.dirname(manifest));
    const executable =
      binary && path.join(path.dirname(binary), "lib", process.platform === "win32" ? "tsc.exe" : "tsc");
    if (executable === undefined || !fs.existsSync(executable)) {
      return {
        note:
          `TypeScript ${pkg["version"]} is installed as ${name}, but not its native compiler for ` +
          `${process.platform}-${process.arch} (${platform}): type-checked with ts-node's TypeScript instead.`,
      };
    }
    return { native: { executable, version: pkg["version"] } };
  }
  return {};
}

/** Names that a package.json in the program's folder or above it gives to `npm:typescript@…`. */
function typescriptAliases(programDir: string): string[] {
  const names = new Set<string>();
  for (let dir = path.resolve(programDir); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (fs.existsSync(manifest)) {
      const pkg = readJsonObject(manifest);
      for (const field of ["devDependencies", "dependencies", "optionalDependencies"]) {
        const deps = pkg[field];
        if (typeof deps !== "object" || deps === null) continue;
        for (const [name, spec] of Object.entries(deps as Record<string, unknown>)) {
          if (typeof spec === "string" && spec.startsWith("npm:typescript@")) names.add(name);
        }
      }
    }
    if (path.dirname(dir) === dir) return [...names];
  }
}

function resolvePackageJson(name: string, from: string): string | undefined {
  try {
    return require.resolve(`${name}/package.json`, { paths: [from] });
  } catch {
    return undefined;
  }
}
