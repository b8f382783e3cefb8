import * as fs from "fs";
import * as path from "path";
import { BuiltSchema, builtSchemaPath } from "./builtSchema";
import { inferPackageSchema } from "./packageSchema";
import { digestSources } from "./sourceDigest";

/**
 * Infers the schema from the sources and writes it to dist/ with their digest: the last step of `npm run build`
 * (scripts/plugin-schema.js). Build-time only: it loads the TypeScript compiler.
 */
export function writeBuiltSchema(root: string): BuiltSchema {
  const sources = digestSources(root);
  const built: BuiltSchema = { sources, schema: inferPackageSchema(root) };
  fs.mkdirSync(path.dirname(builtSchemaPath(root)), { recursive: true });
  fs.writeFileSync(builtSchemaPath(root), `${JSON.stringify(built, null, 2)}\n`);
  return built;
}
