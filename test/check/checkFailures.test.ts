import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { FIXTURES, runCli } from "./support/runCli";

/** The type-errors fixture's diagnostics, as both compilers give them (TypeScript 5 with its own tsconfig). */
const TYPE_ERRORS =
  `error: The program ${FIXTURES}/type-errors/index.ts does not compile:\n` +
  "Unable to compile TypeScript:\nregion.ts(2,41): error TS7030: Not all code paths return a value.\n" +
  "index.ts(7,84): error TS4111: Property 'team' comes from an index signature, so it must be accessed " +
  "with ['team'].\n\n";

export const TYPE_ERRORS_FALLBACK =
  "TypeScript 7.0.2 cannot check with the compiler options the program gets from tsconfig.json and TypeScript " +
  "5.9.3's defaults (Option 'moduleResolution=node10' has been removed; Option 'esModuleInterop=false' has been " +
  "removed; Option 'allowSyntheticDefaultImports=false' has been removed): type-checked with TypeScript 5.9.3 " +
  "through ts-node instead.";

// A check that cannot complete exits 2 with one paragraph on stderr: what went wrong, where in the user's code,
// and never a stack trace of this tool.
describe("check: programs and usage that keep the check from completing (exit 2)", function () {
  this.timeout(180_000);

  const cases: {
    name: string;
    args: string[];
    stderr: string;
    typeCheck?: boolean;
    env?: NodeJS.ProcessEnv;
  }[] = [
    {
      name: "a program that throws: its message and the line of the user's code",
      args: [`${FIXTURES}/throws`],
      stderr:
        `error: The program ${FIXTURES}/throws/index.ts failed (at ${FIXTURES}/throws/index.ts:6:35): no region ` +
        "configured for the AKS cluster\n",
    },
    {
      name: "a JavaScript program whose apply callback throws later",
      args: [`${FIXTURES}/rejects-in-apply`],
      stderr:
        `error: The program ${FIXTURES}/rejects-in-apply/index.js failed (at ` +
        `${FIXTURES}/rejects-in-apply/index.js:6:9): clusters may not run in westeurope\n`,
    },
    {
      // This repository has TypeScript 7 (devDependency typescript7), and the fixture's options are ones it kept.
      name: "a program its own tsconfig.json rejects: the compiler's diagnostics, from TypeScript 7's native tsc",
      args: [`${FIXTURES}/does-not-compile`],
      typeCheck: true,
      stderr:
        `error: The program ${FIXTURES}/does-not-compile/index.ts does not compile:\n` +
        "Unable to compile TypeScript:\nindex.ts(4,34): error TS7030: Not all code paths return a value.\n\n",
    },
    {
      name:
        "every file's compile errors, type-checked beside the run, winning over the error the program then " +
        "throws: TypeScript 7 cannot take its options (moduleResolution node), so TypeScript 5 checks, and says so",
      args: [`${FIXTURES}/type-errors`],
      typeCheck: true,
      stderr: `note: ${TYPE_ERRORS_FALLBACK}\n${TYPE_ERRORS}`,
    },
    {
      name: "the same program's compile errors, word for word, from TypeScript 7's native tsc under options it kept",
      args: [`${FIXTURES}/type-errors`],
      typeCheck: true,
      env: { PULUMI_NODEJS_TSCONFIG_PATH: "tsconfig.nodenext.json" },
      stderr: TYPE_ERRORS,
    },
    {
      name: "a --tsc that does not exist, before the program runs",
      args: [`${FIXTURES}/type-errors`, "--tsc", "no/such/tsc"],
      stderr:
        'error: --tsc "no/such/tsc": there is no such file: give the path of a TypeScript 7 tsc (e.g. ' +
        'node_modules/@typescript/native/bin/tsc), "auto" or "ts-node".\n',
    },
    {
      name: "a program that logs an error, which fails a preview",
      args: [`${FIXTURES}/logs-error`],
      stderr:
        `error: The program ${FIXTURES}/logs-error/index.js logged an error, so a preview would fail: the ` +
        "subscription quota for AKS clusters is exhausted\n",
    },
    {
      name: "project config declared without a default and no stack to set it",
      args: [`${FIXTURES}/config-and-secrets`],
      stderr:
        'error: Stack "check" is missing configuration "config-and-secrets:clusterName", which Pulumi.yaml ' +
        "declares without a default: set it in the stack file and pass --stack, or pass --config KEY=VALUE.\n",
    },
    {
      name: "a stack without a stack file",
      args: [`${FIXTURES}/config-and-secrets`, "--stack", "prod"],
      stderr:
        `error: --stack prod: there is no ${FIXTURES}/config-and-secrets/Pulumi.prod.yaml, so stack "prod" has ` +
        "no configuration to read. Create that file, or leave out --stack to check the program with its " +
        "project config only.\n",
    },
    {
      name: "a --config setting without a value, naming it, before the program runs",
      args: [`${FIXTURES}/config-and-secrets`, "--config", "clusterName"],
      stderr:
        'error: --config "clusterName" has no "=": write KEY=VALUE, e.g. --config ' +
        "config-and-secrets:region=westeurope.\n",
    },
    {
      name: "a folder that does not exist",
      args: ["no/such/program"],
      stderr: 'error: There is no folder "no/such/program": give the folder of a Pulumi program.\n',
    },
    {
      name: "a folder without Pulumi.yaml",
      args: ["test/check"],
      stderr:
        'error: "test/check" holds no Pulumi.yaml, so it is not a Pulumi project: give the folder that holds ' +
        "the program's Pulumi.yaml.\n",
    },
    {
      name: "a policy pack folder that is not a policy pack",
      args: [`${FIXTURES}/cluster-without-binding`, "--policy-pack", FIXTURES],
      stderr:
        `error: policy pack "${path.resolve(FIXTURES)}" failed to start: the folder has no PulumiPolicy.yaml, ` +
        "so it is not a policy pack\n",
    },
    {
      name: "more config files than packs",
      args: [
        `${FIXTURES}/cluster-without-binding`,
        "--policy-pack-config",
        "a.json",
        "--policy-pack-config",
        "b.json",
      ],
      stderr:
        "error: 2 --policy-pack-config files were given for the one default policy pack: give one, or name the " +
        "packs with --policy-pack.\n",
    },
  ];
  for (const c of cases) {
    it(`reports ${c.name}`, async () => {
      const run = await runCli(["check", ...c.args], { typeCheck: c.typeCheck, env: c.env });
      assert.strictEqual(run.stderr, c.stderr);
      assert.strictEqual(run.stdout, "");
      assert.strictEqual(run.code, 2);
    });
  }

  it("rejects an unknown --output format with commander's message", async () => {
    const run = await runCli(["check", `${FIXTURES}/cluster-without-binding`, "--output", "xml"]);
    assert.strictEqual(
      run.stderr,
      "error: option '--output <format>' argument 'xml' is invalid. Allowed choices are text, json, sarif, markdown, junit.\n",
    );
    assert.strictEqual(run.code, 2);
  });

  it("reports a report path it cannot write before running the program", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-check-"));
    const blocker = path.join(dir, "file");
    fs.writeFileSync(blocker, "");
    try {
      const run = await runCli([
        "check",
        `${FIXTURES}/cluster-without-binding`,
        "--out",
        `${blocker}/report.txt`,
      ]);
      assert.strictEqual(
        run.stderr,
        `error: cannot write --out "${blocker}/report.txt": a file stands where its folder "${blocker}" ` +
          "would be: choose another path for --out\n",
      );
      assert.strictEqual(run.stdout, "");
      assert.strictEqual(run.code, 2);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
