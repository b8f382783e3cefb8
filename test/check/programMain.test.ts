import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { resolveProgramMain } from "../../cli/check/program/programMain";
import { readPulumiProject } from "../../cli/check/program/pulumiProject";

/**
 * Which file `check` runs when Pulumi.yaml has no `main`: the one @pulumi/pulumi's run script picks (the entry point
 * of the nearest package manifest at or above the project, else the project's index). Found by running the fixtures
 * under the real CLI: a project in a subfolder of a package ran that package's main, where check ran the
 * subfolder's index.
 */
describe("check: the program's entry point, as Pulumi's run script finds it", () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "aks-ta-main-"));
    fs.mkdirSync(path.join(root, "infra"));
    fs.writeFileSync(path.join(root, "infra", "Pulumi.yaml"), "name: infra\nruntime: nodejs\n");
    fs.writeFileSync(path.join(root, "infra", "index.js"), "");
    fs.writeFileSync(path.join(root, "app.js"), "");
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const entry = () => path.relative(root, resolveProgramMain(readPulumiProject(path.join(root, "infra"))));
  const manifest = (data: object) => fs.writeFileSync(path.join(root, "package.json"), JSON.stringify(data));

  const cases: { name: string; manifest?: object; expected: string }[] = [
    { name: "the project's own index when no package manifest is above it", expected: "infra/index.js" },
    {
      name: "the main of a package.json above the project",
      manifest: { main: "app.js" },
      expected: "app.js",
    },
    { name: "exports before main", manifest: { exports: "./app.js", main: "none.js" }, expected: "app.js" },
    {
      name: "the default condition of exports['.']",
      manifest: { exports: { ".": { default: "./app.js" } } },
      expected: "app.js",
    },
    {
      name: "the project's index when the declared main does not exist",
      manifest: { main: "gone.js" },
      expected: "infra/index.js",
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      if (c.manifest) manifest(c.manifest);
      assert.strictEqual(entry(), c.expected);
    });
  }

  it("Pulumi.yaml's main wins over any package manifest", () => {
    manifest({ main: "app.js" });
    fs.appendFileSync(path.join(root, "infra", "Pulumi.yaml"), "main: index.js\n");
    assert.strictEqual(entry(), "infra/index.js");
  });
});
