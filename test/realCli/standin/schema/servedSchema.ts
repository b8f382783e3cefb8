import * as fs from "fs";
import * as path from "path";

/** The file beside this one (in the sources, and where scripts/pulumi-standin.js compiles the stand-in). */
export const SCHEMA_FILE_NAME = "azureNativeSchema.json";

/**
 * The azure-native schema the stand-in answers GetSchema with: the file generateAzureNativeSchema.ts writes, or the
 * file AZURE_NATIVE_STANDIN_SCHEMA names (a test's broken schema, to see the binder refuse it).
 */
export function servedSchema(): string {
  return fs.readFileSync(
    process.env.AZURE_NATIVE_STANDIN_SCHEMA ?? path.join(__dirname, SCHEMA_FILE_NAME),
    "utf8",
  );
}
