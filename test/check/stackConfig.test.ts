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
    assert.deepStrictEqual(readStackConfig(p, { stack: "dev" }), {
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
    assert.deepStrictEqual(readStackConfig(p, { stack: "dev" }), {
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
    assert.deepStrictEqual(readStackConfig(project("config:\n  region: westeurope\n")), {
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
        "the stack file and pass --stack, or pass --config KEY=VALUE.",
    },
  ];
  for (const c of invalid) {
    it(`rejects ${c.name}`, () => {
      const p = project(c.pulumi);
      stackFile(c.stack);
      assert.throws(
        () => readStackConfig(p, { stack: "dev" }),
        (err: unknown) => err instanceof CheckError && err.message === c.message(dir),
      );
    });
  }
});

describe("check: stack config from the command line (--config, --config-path, --config-file)", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-cli-config-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const project = (yaml = "") => {
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: app\nruntime: nodejs\n${yaml}`);
    return readPulumiProject(dir);
  };

  it("namespaces a bare key by the project, keeps a namespaced one, and overrides the stack file and project config", () => {
    const p = project("config:\n  region: westeurope\n  owner:\n    type: string\n");
    fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  app:size: 3\n  app:tier: gold\n");
    const config = readStackConfig(p, {
      stack: "dev",
      settings: ["owner=team-aks", "app:size=5", "azure-native:location=westus", "region=north=europe"],
    });
    assert.deepStrictEqual(config.values, {
      "app:region": "north=europe",
      "app:owner": "team-aks",
      "app:size": "5",
      "app:tier": "gold",
      "azure-native:location": "westus",
    });
  });

  it("a later setting of the same key wins, as with repeated -c flags", () => {
    const config = readStackConfig(project(), { settings: ["region=a", "app:region=b"] });
    assert.deepStrictEqual(config.values, { "app:region": "b" });
  });

  it("with --config-path sets nested values into the stack file's object, typing leaves as Pulumi does", () => {
    const p = project();
    fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  app:tags:\n    env: dev\n");
    const config = readStackConfig(p, {
      stack: "dev",
      configPath: true,
      settings: [
        "tags.team=aks",
        'tags["cost.center"]=0042',
        "pools[0].name=system",
        "pools[0].count=3",
        "pools[0].fips=true",
        "pools[1].name=user",
        "app:flat=7",
      ],
    });
    assert.deepStrictEqual(config.values, {
      "app:tags": JSON.stringify({ env: "dev", team: "aks", "cost.center": "0042" }),
      "app:pools": JSON.stringify([{ name: "system", count: 3, fips: true }, { name: "user" }]),
      "app:flat": "7",
    });
  });

  it("a setting of a path into a secret value keeps the key secret; a whole plain value does not", () => {
    const p = project();
    fs.writeFileSync(
      path.join(dir, "Pulumi.dev.yaml"),
      "config:\n  app:db:\n    pass:\n      secure: v1:abc\n  app:token:\n    secure: v1:def\n",
    );
    const config = readStackConfig(p, {
      stack: "dev",
      configPath: true,
      settings: ["db.user=admin", "token=plain"],
    });
    assert.deepStrictEqual(config.values, {
      "app:db": JSON.stringify({ pass: UNKNOWN_VALUE, user: "admin" }),
      "app:token": "plain",
    });
    assert.deepStrictEqual(config.secretKeys, ["app:db"]);
  });

  it("--config-file replaces Pulumi.<stack>.yaml, under the stack name given", () => {
    const p = project();
    fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), "config:\n  app:region: from-stack-file\n");
    const other = path.join(dir, "ci.yaml");
    fs.writeFileSync(other, "config:\n  app:region: from-config-file\n");
    assert.deepStrictEqual(readStackConfig(p, { stack: "dev", configFile: other }), {
      stack: "dev",
      values: { "app:region": "from-config-file" },
      secretKeys: [],
      file: other,
    });
    assert.strictEqual(readStackConfig(p, { configFile: other }).stack, "check");
  });

  it("a setting satisfies project config declared without a default", () => {
    const p = project("config:\n  owner:\n    type: string\n");
    assert.deepStrictEqual(readStackConfig(p, { settings: ["owner=me"] }).values, { "app:owner": "me" });
  });

  const invalid: {
    name: string;
    settings: string[];
    configPath?: boolean;
    stack?: string;
    message: string;
  }[] = [
    {
      name: "a setting without =",
      settings: ["region"],
      message: '--config "region" has no "=": write KEY=VALUE, e.g. --config app:region=westeurope.',
    },
    {
      name: "a setting without a key",
      settings: ["=westeurope"],
      message: '--config "=westeurope" has no key before "=": write KEY=VALUE.',
    },
    {
      name: "a key with an empty namespace",
      settings: [":region=westeurope"],
      message:
        '--config ":region=westeurope": key ":region" is not of the form <namespace>:<name> or <name> (a bare ' +
        "name belongs to the project: app:<name>).",
    },
    {
      name: "a key with an empty name",
      settings: ["app:=westeurope"],
      message:
        '--config "app:=westeurope": key "app:" is not of the form <namespace>:<name> or <name> (a bare name ' +
        "belongs to the project: app:<name>).",
    },
    {
      name: "a key with two colons",
      settings: ["app:a:b=1"],
      message:
        '--config "app:a:b=1": key "app:a:b" is not of the form <namespace>:<name> or <name> (a bare name ' +
        "belongs to the project: app:<name>).",
    },
    {
      name: "a path with an index that is not a number",
      settings: ["pools[x].name=a"],
      configPath: true,
      message:
        '--config "pools[x].name=a": "pools[x].name" is not a property path ("[x]" is not an array index (a whole ' +
        'number) or a quoted key (["key"])); write e.g. app:tags.team or app:pools[0].name.',
    },
    {
      name: "a path with an unclosed bracket",
      settings: ["pools[0=a"],
      configPath: true,
      message:
        '--config "pools[0=a": "pools[0" is not a property path (the "[" at position 6 has no closing "]"); ' +
        "write e.g. app:tags.team or app:pools[0].name.",
    },
    {
      name: "a path with an empty segment",
      settings: ["tags..team=a"],
      configPath: true,
      message:
        '--config "tags..team=a": "tags..team" is not a property path (it has an empty property name at ' +
        "position 6); write e.g. app:tags.team or app:pools[0].name.",
    },
    {
      name: "a path into a value that is not an object",
      settings: ["region=westeurope", "region.zone=1"],
      configPath: true,
      message:
        '--config for "app:region": it sets property "zone" of a value that is not an object, so the path cannot ' +
        'be set; the value is "westeurope".',
    },
    {
      name: "an index past the end of a list",
      settings: ["pools[0]=a", "pools[2]=c"],
      configPath: true,
      message:
        '--config for "app:pools": index [2] is past the end of a list of 1 (at most [1]), so the path cannot be ' +
        'set; the value is ["a"].',
    },
  ];
  for (const c of invalid) {
    it(`rejects ${c.name}, naming it`, () => {
      const p = project();
      assert.throws(
        () => readStackConfig(p, { settings: c.settings, configPath: c.configPath === true }),
        (err: unknown) => err instanceof CheckError && err.message === c.message,
      );
    });
  }

  it("rejects a --config-file that does not exist, naming it", () => {
    assert.throws(
      () => readStackConfig(project(), { configFile: "no/such/ci.yaml" }),
      (err: unknown) =>
        err instanceof CheckError &&
        err.message ===
          "--config-file no/such/ci.yaml: there is no such file. Give the path of a stack config file (the form " +
            "of Pulumi.<stack>.yaml), relative to the current folder.",
    );
  });
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

  it("takes runtime.options.tsconfig, the program's own tsconfig, as the language host does", () => {
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      "name: app\nruntime:\n  name: nodejs\n  options:\n    tsconfig: infra/tsconfig.json\n",
    );
    assert.strictEqual(readPulumiProject(dir).tsconfig, "infra/tsconfig.json");
  });

  it("runs the program in the folder of main, as the engine does: relative paths and the tsconfig start there", () => {
    fs.mkdirSync(path.join(dir, "src"));
    fs.writeFileSync(path.join(dir, "src", "index.ts"), "");
    const withMain = (main: string) => {
      fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: app\nruntime: nodejs\n${main}`);
      return readPulumiProject(dir).programDir;
    };
    assert.strictEqual(withMain("main: src/index.ts\n"), path.join(dir, "src"));
    assert.strictEqual(withMain("main: src\n"), path.join(dir, "src"));
    assert.strictEqual(withMain(""), dir);
  });

  it("refuses a runtime.options.tsconfig that is not a path", () => {
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      "name: app\nruntime:\n  name: nodejs\n  options:\n    tsconfig: true\n",
    );
    assert.throws(
      () => readPulumiProject(dir),
      (err: unknown) =>
        err instanceof CheckError &&
        err.message ===
          `${path.relative(process.cwd(), path.join(dir, "Pulumi.yaml"))}: runtime.options.tsconfig true is not a ` +
            "path: give the program's tsconfig file, relative to the folder of main.",
    );
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
