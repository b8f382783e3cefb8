import * as fs from "fs";
import * as path from "path";
import { azureNativeWheel } from "./azureNativeWheel";
import { buildAzureNativeSchema } from "./buildAzureNativeSchema";
import { SCHEMA_FILE_NAME } from "./servedSchema";

export const REPO_ROOT = path.join(__dirname, "..", "..", "..", "..");
/** The committed schema the stand-in serves. */
export const SCHEMA_FILE = path.join(__dirname, SCHEMA_FILE_NAME);

const NPM_PACKAGE_DIR = path.dirname(
  require.resolve("@pulumi/azure-native/package.json", { paths: [REPO_ROOT] }),
);

/**
 * The azure-native resources a package schema refers to, from its `$ref`s
 * (`/azure-native/v<version>/schema.json#/resources/<token>`). Refuses a reference to another azure-native version
 * than the npm package we pin, since the stand-in serves that one.
 */
export function referencedAzureNativeResources(packageSchema: unknown): string[] {
  const version = npmVersion();
  const tokens = new Set<string>();
  for (const m of JSON.stringify(packageSchema).matchAll(
    /"\/azure-native\/v([^/"]+)\/schema\.json#\/(\w+)\/([^"]+)"/g,
  )) {
    const [, refVersion, section, token] = m;
    if (refVersion !== version)
      throw new Error(
        `the schema refers to azure-native ${refVersion}; the stand-in serves ${version} (the npm package)`,
      );
    if (section !== "resources")
      throw new Error(
        `the schema refers to azure-native's ${section}/${token}; the stand-in serves resources only`,
      );
    tokens.add(decodeURIComponent(token));
  }
  return [...tokens].sort();
}

/** The stand-in's schema file's text for these resources, formatted as `npm run lint` wants it. */
export async function azureNativeSchemaText(tokens: readonly string[]): Promise<string> {
  const modules = [...new Set(tokens.map((t) => t.split(":")[1]))];
  const version = npmVersion();
  const schema = buildAzureNativeSchema(
    {
      npmPackageDir: NPM_PACKAGE_DIR,
      npmVersion: version,
      wheelPackageDir: azureNativeWheel(version, modules),
    },
    tokens,
  );
  // Prettier, a devDependency: this runs in development and in the tests only.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const prettier = require("prettier") as typeof import("prettier");
  const config = await prettier.resolveConfig(SCHEMA_FILE);
  return prettier.format(JSON.stringify(schema), { ...config, filepath: SCHEMA_FILE });
}

function npmVersion(): string {
  return (
    JSON.parse(fs.readFileSync(path.join(NPM_PACKAGE_DIR, "package.json"), "utf8")) as { version: string }
  ).version;
}
