import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CheckError } from "../../cli/check/checkError";
import { readPulumiProject } from "../../cli/check/program/pulumiProject";
import { UNKNOWN_VALUE, readStackConfig } from "../../cli/check/program/stackConfig";

describe("check: stack config as the Pulumi CLI hands it to a program", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-stack-config-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const project = (yaml: string) => {
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: app\nruntime: nodejs\n${yaml}`);
    return readPulumiProject(dir);
  };
  const stackFile = (yaml: string) => fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), yaml);

  it("namespaces project config, lets the stack file override it, and stringifies values as PULUMI_CONFIG does", () => {
    const p = project("config:\n  region: westeurope\n  size:\n    type: integer\n    default: 3\n");
    stackFile(
      "config:\n  app:region: northeurope\n  app:flags:\n    fips: true\n  app:count: 2\n  azure-native:location: westus\n",
    );
    assert.deepStrictEqual(readStackConfig(p, "dev"), {
      stack: "dev",
      values: {
        "app:region": "northeurope",
        "app:size": "3",
        "app:flags": '{"fips":true}',
        "app:count": "2",
        "azure-native:location": "westus",
      },
      secretKeys: [],
      file: path.join(dir, "Pulumi.dev.yaml"),
    });
  });

  it("turns secrets it cannot decrypt, also inside structured values, into Pulumi's unknown value and marks them secret", () => {
    const p = project("");
    stackFile(
      "config:\n  app:password:\n    secure: v1:abc\n  app:db:\n    user: admin\n    pass:\n      secure: v1:def\n",
    );
    assert.deepStrictEqual(readStackConfig(p, "dev"), {
      stack: "dev",
      values: {
        "app:password": UNKNOWN_VALUE,
        "app:db": JSON.stringify({ user: "admin", pass: UNKNOWN_VALUE }),
      },
      secretKeys: ["app:db", "app:password"],
      file: path.join(dir, "Pulumi.dev.yaml"),
    });
  });

  it("uses the stack name `check` and project config only without --stack", () => {
    assert.deepStrictEqual(readStackConfig(project("config:\n  region: westeurope\n"), undefined), {
      stack: "check",
      values: { "app:region": "westeurope" },
      secretKeys: [],
    });
  });

  const invalid: { name: string; pulumi: string; stack: string; message: (d: string) => string }[] = [
    {
      name: "a stack key without a namespace",
      pulumi: "",
      stack: "config:\n  region: westeurope\n",
      message: (d) =>
        `${path.relative(process.cwd(), path.join(d, "Pulumi.dev.yaml"))}: config key "region" is not of the form ` +
        '<namespace>:<name>; write "app:region" for a key of this project.',
    },
    {
      name: "a key with no value",
      pulumi: "",
      stack: "config:\n  app:region:\n",
      message: (d) =>
        `${path.relative(process.cwd(), path.join(d, "Pulumi.dev.yaml"))}: config "app:region" has no value: give it ` +
        "one, or remove the key.",
    },
    {
      name: "declared config the stack does not set",
      pulumi: "config:\n  owner:\n    type: string\n",
      stack: "config: {}\n",
      message: () =>
        'Stack "dev" is missing configuration "app:owner", which Pulumi.yaml declares without a default: set it in ' +
        "the stack file and pass --stack.",
    },
  ];
  for (const c of invalid) {
    it(`rejects ${c.name}`, () => {
      const p = project(c.pulumi);
      stackFile(c.stack);
      assert.throws(
        () => readStackConfig(p, "dev"),
        (err: unknown) => err instanceof CheckError && err.message === c.message(dir),
      );
    });
  }
});

describe("check: reading Pulumi.yaml", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-project-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("takes the project name, main and the typescript switch", () => {
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      "name: app\nruntime:\n  name: nodejs\n  options:\n    typescript: false\nmain: src/index.js\n",
    );
    const p = readPulumiProject(dir);
    assert.deepStrictEqual([p.name, p.main, p.typescript], ["app", path.join(dir, "src/index.js"), false]);
  });

  it("refuses a program of another runtime", () => {
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: app\nruntime: python\n");
    assert.throws(
      () => readPulumiProject(dir),
      (err: unknown) =>
        err instanceof CheckError &&
        err.message ===
          `${path.relative(process.cwd(), path.join(dir, "Pulumi.yaml"))} declares runtime "python", but check runs ` +
            'only Node.js programs (runtime "nodejs", in TypeScript or JavaScript).',
    );
  });
});
