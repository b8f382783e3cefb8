import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { StaleBuildError, builtSchemaPath, readBuiltSchema } from "../../plugin/builtSchema";
import { hostPackage } from "../../plugin/componentHost";
import { PackageSchema } from "../../plugin/packageSchema";
import { buildSources, digestSources } from "../../plugin/sourceDigest";

const SCHEMA: PackageSchema = { name: "pkg", version: "1.0.0", resources: {}, types: {} };

const made: string[] = [];

/** A package with the layout the digest reads: package.json, the build's settings and its included sources. */
function fakePackage(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "aks-ta-built-"));
  made.push(root);
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  write("package.json", '{ "name": "pkg", "version": "1.0.0" }');
  write("tsconfig.build.json", '{ "include": ["index.ts", "components"] }');
  write("tsconfig.json", "{}");
  write("scripts/build.js", "// the build");
  write("scripts/other.js", "// not the build");
  write("index.ts", 'export * from "./components";');
  write("components/a.ts", "export const a = 1;");
  write("components/data.json", "{}");
  write("components/PulumiPolicy.yaml", "runtime: nodejs");
  write("components/a.d.ts", "export declare const a: number;");
  write("components/node_modules/dep/index.ts", "export {};");
  write("test/a.test.ts", "// not built");
  return root;
}

function build(root: string): void {
  fs.mkdirSync(path.dirname(builtSchemaPath(root)), { recursive: true });
  fs.writeFileSync(builtSchemaPath(root), JSON.stringify({ sources: digestSources(root), schema: SCHEMA }));
}

const staleMessage = (root: string, reason: string) =>
  `aks-trusted-access: ${reason} Run \`npm run build\` in ${root} (Pulumi runs \`npm install\`, which builds it, ` +
  "only when it installs the package).";

describe("the schema built into dist/ and the sources beside it", () => {
  after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it("digests the build's settings and scripts and the TypeScript, JSON and YAML it builds, nothing else", () => {
    assert.deepStrictEqual(buildSources(fakePackage()), [
      "components/PulumiPolicy.yaml",
      "components/a.ts",
      "components/data.json",
      "index.ts",
      "package.json",
      "scripts/build.js",
      "tsconfig.build.json",
      "tsconfig.json",
    ]);
  });

  it("serves the built schema while the sources are those it was built from", () => {
    const root = fakePackage();
    build(root);
    fs.writeFileSync(path.join(root, "test", "a.test.ts"), "// tests are not built");
    assert.deepStrictEqual(readBuiltSchema(root).schema, SCHEMA);
  });

  const changes = [
    {
      name: "a source edited since the build",
      change: (root: string) =>
        fs.appendFileSync(path.join(root, "components", "a.ts"), "export const b = 2;"),
      changed: "components/a.ts",
    },
    {
      name: "a source added since the build",
      change: (root: string) =>
        fs.writeFileSync(path.join(root, "components", "b.ts"), "export const b = 2;"),
      changed: "components/b.ts",
    },
    {
      name: "a new version in package.json",
      change: (root: string) =>
        fs.writeFileSync(path.join(root, "package.json"), '{ "name": "pkg", "version": "1.1.0" }'),
      changed: "package.json",
    },
    {
      name: "other compiler settings",
      change: (root: string) =>
        fs.writeFileSync(path.join(root, "tsconfig.json"), '{ "compilerOptions": {} }'),
      changed: "tsconfig.json",
    },
    {
      name: "a lock file that installs another compiler or SDK",
      change: (root: string) => fs.writeFileSync(path.join(root, "package-lock.json"), "{}"),
      changed: "package-lock.json",
    },
  ];
  for (const c of changes) {
    it(`refuses, naming the file, after ${c.name}`, () => {
      const root = fakePackage();
      build(root);
      c.change(root);
      assert.throws(
        () => readBuiltSchema(root),
        (err: Error) => {
          assert.ok(err instanceof StaleBuildError);
          assert.strictEqual(
            err.message,
            staleMessage(
              root,
              `dist/ was built from other sources than those in the package (changed since: ${c.changed}).`,
            ),
          );
          return true;
        },
      );
    });
  }

  it("serves the built schema of a packed package, which ships compiled code and no sources", () => {
    const root = fakePackage();
    build(root);
    for (const file of ["tsconfig.build.json", "tsconfig.json", "index.ts"]) fs.rmSync(path.join(root, file));
    fs.rmSync(path.join(root, "components"), { recursive: true });
    assert.deepStrictEqual(readBuiltSchema(root).schema, SCHEMA);
  });

  it("refuses when dist/ holds no schema", () => {
    const root = fakePackage();
    assert.throws(
      () => readBuiltSchema(root),
      new StaleBuildError(
        root,
        "dist/plugin/schema.json is missing: dist/ was not built, or built by an older version.",
      ),
    );
  });

  it("keeps the plugin from serving anything from a stale dist/", () => {
    const root = fakePackage();
    build(root);
    fs.appendFileSync(path.join(root, "index.ts"), "\nexport const c = 3;");
    assert.throws(() => hostPackage({ name: "pkg", components: [] }, root), StaleBuildError);
  });
});
