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
  // Formatted as `npm run lint` wants it (Prettier, a devDependency: this mode runs in development only).
  const prettier = require("prettier");
  void prettier
    .resolveConfig(golden)
    .then((config) => prettier.format(JSON.stringify(schema), { ...config, filepath: golden }))
    .then((text) => {
      fs.writeFileSync(golden, text);
      console.log(`wrote ${path.relative(root, golden)}`);
    });
} else {
  require("../dist/plugin/writeBuiltSchema").writeBuiltSchema(root);
}
