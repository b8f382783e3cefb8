// `npm run --silent standin:schema`: writes azureNativeSchema.json, the azure-native schema the stand-in serves,
// for the azure-native resources our built schema (dist/plugin/schema.json, after `npm run build`) refers to.
// Run it after changing the pinned @pulumi/azure-native or the components' public types; the stand-in's tests
// fail while the committed file differs from what this writes.
import * as fs from "fs";
import * as path from "path";
import {
  azureNativeSchemaText,
  referencedAzureNativeResources,
  REPO_ROOT,
  SCHEMA_FILE,
} from "./azureNativeSchemaFile";

async function main(): Promise<void> {
  const ourSchema = JSON.parse(
    fs.readFileSync(path.join(REPO_ROOT, "dist", "plugin", "schema.json"), "utf8"),
  ) as {
    schema: unknown;
  };
  const text = await azureNativeSchemaText(referencedAzureNativeResources(ourSchema.schema));
  fs.writeFileSync(SCHEMA_FILE, text);
  console.log(`wrote ${path.relative(REPO_ROOT, SCHEMA_FILE)}`);
}

main().catch((err: Error) => {
  process.stderr.write(`standin:schema: ${err.message}\n`);
  process.exit(1);
});
