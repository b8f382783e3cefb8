// After `tsc`: infer the Pulumi package schema from the TypeScript sources (Pulumi's own analyzer, seconds) and write
// it to dist/plugin/schema.json with a digest of those sources, so that the plugin serves it at once and refuses to
// start when dist/ no longer matches the sources (plugin/builtSchema.ts).
//   node scripts/plugin-schema.js            # the build step
//   node scripts/plugin-schema.js --golden   # copy the built schema to the golden file the tests compare with
//                                            # (`npm run schema:update` builds, then does this)
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
if (process.argv.includes("--golden")) {
  const { schema } = require("../dist/plugin/builtSchema").readBuiltSchema(root);
  const golden = path.join(root, "test", "plugin", "expected", "schema.json");
  fs.mkdirSync(path.dirname(golden), { recursive: true });
  fs.writeFileSync(golden, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${path.relative(root, golden)}`);
} else {
  require("../dist/plugin/writeBuiltSchema").writeBuiltSchema(root);
}
