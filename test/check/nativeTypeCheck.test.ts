import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { UsageError } from "../../cli/command/usageError";
import { CheckError } from "../../cli/check/checkError";
import { TSC_ENV, chooseCompiler } from "../../cli/check/program/nativeCompiler";
import { parseNativeOutput } from "../../cli/check/program/nativeOutput";
import { startNativeTypeCheck } from "../../cli/check/program/nativeTypeCheck";
import { startTypeCheck } from "../../cli/check/program/typeCheck";
import { typescriptSettings } from "../../cli/check/program/typescriptSettings";
import { liveProcessCount } from "../../cli/packHost/liveProcesses";
import { CheckReport } from "../../cli/output/checkReport";
import { FIXTURES, REPO, runCli } from "./support/runCli";

const SDK_ROOT = path.join(REPO, "node_modules", "@pulumi", "pulumi");
const ALLOWED =
  'give the path of a TypeScript 7 tsc (e.g. node_modules/@typescript/native/bin/tsc), "auto" or "ts-node".';

/** Runs `body` with environment variables set, then puts them back. */
function withEnv<T>(env: Record<string, string>, body: () => T): T {
  const before = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return body();
  } finally {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe("check: TypeScript 7's native tsc, when the program has it or --tsc names it", function () {
  this.timeout(180_000);
  const typeErrors = path.join(REPO, FIXTURES, "type-errors");

  describe("choosing the compiler", () => {
    it("finds the TypeScript 7 this repository aliases in package.json (typescript7), and its linux-x64 binary", () => {
      const { native, note } = chooseCompiler(typeErrors, undefined);
      assert.strictEqual(note, undefined);
      assert.strictEqual(native?.version, "7.0.2");
      assert.strictEqual(
        native?.executable,
        path.join(
          REPO,
          "node_modules",
          "@typescript",
          `typescript-${process.platform}-${process.arch}`,
          "lib",
          "tsc",
        ),
      );
    });

    it("finds none from a folder with no TypeScript 7 above it", () => {
      assert.deepStrictEqual(chooseCompiler(os.tmpdir(), undefined), {});
    });

    it("uses ts-node's TypeScript when --tsc, or else AKS_TRUSTED_ACCESS_TSC, says ts-node", () => {
      assert.deepStrictEqual(chooseCompiler(typeErrors, "ts-node"), {});
      assert.deepStrictEqual(
        withEnv({ [TSC_ENV]: "ts-node" }, () => chooseCompiler(typeErrors, undefined)),
        {},
      );
      // The flag wins over the environment.
      const flagged = withEnv({ [TSC_ENV]: "ts-node" }, () => chooseCompiler(typeErrors, "auto"));
      assert.strictEqual(flagged.native?.version, "7.0.2");
    });

    it("takes the path of a TypeScript 7 tsc, the package's launcher included", () => {
      const launcher = path.join(REPO, "node_modules", "typescript7", "bin", "tsc");
      assert.deepStrictEqual(chooseCompiler(typeErrors, launcher), {
        native: { executable: launcher, version: "7.0.2" },
      });
    });

    const refused: { name: string; flag?: string; env?: string; message: string }[] = [
      {
        name: "a --tsc of another TypeScript",
        flag: "node_modules/typescript/bin/tsc",
        message: `--tsc "node_modules/typescript/bin/tsc" is TypeScript 5.9.3, not TypeScript 7: ${ALLOWED}`,
      },
      {
        name: "a --tsc that is a folder",
        flag: "node_modules",
        message: `--tsc "node_modules": there is no such file: ${ALLOWED}`,
      },
      {
        name: "an AKS_TRUSTED_ACCESS_TSC that does not exist, naming the variable",
        env: "no/such/tsc",
        message: `${TSC_ENV}="no/such/tsc": there is no such file: ${ALLOWED}`,
      },
    ];
    for (const c of refused) {
      it(`refuses ${c.name}`, () => {
        assert.throws(
          () => withEnv(c.env === undefined ? {} : { [TSC_ENV]: c.env }, () => chooseCompiler(REPO, c.flag)),
          (err: unknown) => err instanceof UsageError && err.message === c.message,
        );
      });
    }

    it("refuses a program whose own typescript is TypeScript 7, which ts-node (so Pulumi's host) cannot use", () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-check-ts7-"));
      try {
        fs.mkdirSync(path.join(dir, "node_modules"));
        fs.symlinkSync(
          path.join(REPO, "node_modules", "typescript7"),
          path.join(dir, "node_modules", "typescript"),
        );
        // Node resolves the link to the package's own folder.
        const typescript = path.join(REPO, "node_modules", "typescript7", "lib", "version.cjs");
        assert.throws(
          () => typescriptSettings(dir, dir),
          (err: unknown) =>
            err instanceof CheckError &&
            err.message ===
              `The program's typescript (${typescript}) is TypeScript 7.0.2, which has no JavaScript API: ` +
                "ts-node cannot compile with it, so Pulumi's Node.js host fails before the program runs. Keep " +
                'TypeScript 6 or 5 as "typescript" and install TypeScript 7 beside it (npm install --save-dev ' +
                '"typescript@npm:@typescript/typescript6@^6" "@typescript/native@npm:typescript@^7"): check ' +
                "then type-checks with TypeScript 7.",
        );
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe("reading tsc's output", () => {
    const cwd = "/p";
    it("reads each diagnostic with the lines under it, and the files of --listFiles", () => {
      const printed =
        "index.ts(7,84): error TS4111: Property 'team' comes from an index signature.\n" +
        "region.ts(2,41): error TS2322: Type 'string | undefined' is not assignable to type 'string'.\n" +
        "  Type 'undefined' is not assignable to type 'string'.\n" +
        "error TS2318: Cannot find global type 'Array'.\n" +
        "/lib/lib.d.ts\n/p/region.ts\n/p/index.ts\n";
      assert.deepStrictEqual(parseNativeOutput(printed, cwd), {
        diagnostics: [
          {
            file: "/p/index.ts",
            code: 4111,
            message: "error TS4111: Property 'team' comes from an index signature.",
            text: "index.ts(7,84): error TS4111: Property 'team' comes from an index signature.\n",
          },
          {
            file: "/p/region.ts",
            code: 2322,
            message: "error TS2322: Type 'string | undefined' is not assignable to type 'string'.",
            text:
              "region.ts(2,41): error TS2322: Type 'string | undefined' is not assignable to type 'string'.\n" +
              "  Type 'undefined' is not assignable to type 'string'.\n",
          },
          {
            code: 2318,
            message: "error TS2318: Cannot find global type 'Array'.",
            text: "error TS2318: Cannot find global type 'Array'.\n",
          },
        ],
        files: ["/lib/lib.d.ts", "/p/region.ts", "/p/index.ts"],
      });
    });

    it("reads --pretty output: colours, source context and related locations belong to their diagnostic; the summary is dropped", () => {
      const header =
        "\x1b[96mindex.ts\x1b[0m:\x1b[93m4\x1b[0m:\x1b[93m34\x1b[0m - \x1b[91merror\x1b[0m\x1b[90m TS7030: \x1b[0m";
      const block =
        `${header}Not all code paths return a value.\n\n` +
        "\x1b[7m4\x1b[0m function regionOf(name: string): string | undefined {\n" +
        "\x1b[7m \x1b[0m \x1b[91m                                 ~~~~~~~~~~~~~~~~~~\x1b[0m\n\n";
      const printed = `${block}/p/index.ts\n\nFound 1 error in index.ts\x1b[90m:4\x1b[0m\n\n`;
      assert.deepStrictEqual(parseNativeOutput(printed, cwd), {
        diagnostics: [
          {
            file: "/p/index.ts",
            code: 7030,
            message: "error TS7030: Not all code paths return a value.",
            text: block,
          },
        ],
        files: ["/p/index.ts"],
      });
    });
  });

  describe("the program's tsconfig", () => {
    it("is Pulumi.yaml's runtime.options.tsconfig, over PULUMI_NODEJS_TSCONFIG_PATH, as the language host sets it", () => {
      const settings = withEnv({ PULUMI_NODEJS_TSCONFIG_PATH: "tsconfig.json" }, () =>
        typescriptSettings(typeErrors, SDK_ROOT, "tsconfig.nodenext.json"),
      );
      assert.strictEqual(settings.tsconfig, path.join(typeErrors, "tsconfig.nodenext.json"));
      assert.strictEqual(settings.compilerOptions["module"], "nodenext");
    });

    it("is PULUMI_NODEJS_TSCONFIG_PATH without the option, else the program folder's tsconfig.json", () => {
      const fromEnv = withEnv({ PULUMI_NODEJS_TSCONFIG_PATH: "tsconfig.nodenext.json" }, () =>
        typescriptSettings(typeErrors, SDK_ROOT),
      );
      assert.strictEqual(fromEnv.tsconfig, path.join(typeErrors, "tsconfig.nodenext.json"));
      assert.strictEqual(
        typescriptSettings(typeErrors, SDK_ROOT).tsconfig,
        path.join(typeErrors, "tsconfig.json"),
      );
    });
  });

  describe("type-checking", () => {
    it("gives every own file's diagnostics in the compiler's file order, as ts-node's TypeScript words them", async () => {
      const settings = withEnv({ PULUMI_NODEJS_TSCONFIG_PATH: "tsconfig.nodenext.json" }, () =>
        typescriptSettings(typeErrors, SDK_ROOT),
      );
      const check = startTypeCheck(
        { settings, mainFile: path.join(typeErrors, "index.ts"), pretty: false },
        chooseCompiler(typeErrors, undefined),
      );
      const answer = await check.answer;
      assert.deepStrictEqual(
        { diagnostics: answer.diagnostics, files: answer.files, checker: answer.checker },
        {
          // The same text as TypeScript 5 gives (checkFailures.test.ts, the type-errors fixture).
          diagnostics:
            "region.ts(2,41): error TS7030: Not all code paths return a value.\n" +
            "index.ts(7,84): error TS4111: Property 'team' comes from an index signature, so it must be " +
            "accessed with ['team'].\n",
          files: 2,
          checker: { compiler: "tsc", version: "7.0.2" },
        },
      );
      assert.strictEqual(liveProcessCount(), 0);
    });

    // Programs of their own in a temporary folder (no imports: nothing to resolve), checked by tsc alone.
    const nativeOutcome = async (files: Record<string, string>) => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-check-native-"));
      try {
        for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
        const settings = typescriptSettings(dir, SDK_ROOT);
        const { native } = chooseCompiler(typeErrors, undefined);
        assert.ok(native);
        return await startNativeTypeCheck(
          { settings, mainFile: path.join(dir, "index.ts"), pretty: false },
          native,
        ).outcome;
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    };
    const STRICT = JSON.stringify({ compilerOptions: { strict: true }, files: ["index.ts"] });

    it("falls back on a syntax error, after which tsc checks no file while ts-node's TypeScript lists type errors too", async () => {
      assert.deepStrictEqual(
        await nativeOutcome({
          "tsconfig.json": STRICT,
          "index.ts": 'export const a = ;\nconst b: number = "b";\n',
        }),
        {
          kind: "fallback",
          note:
            "TypeScript 7.0.2 stops at syntax errors, before the type errors ts-node's TypeScript lists with them: " +
            "type-checked with TypeScript 5.9.3 through ts-node instead.",
        },
      );
    });

    it("falls back on a script (no import or export) under alwaysStrict false, and checks a module under it", async () => {
      // Not strict, and modules detected by their imports and exports (module esnext): a script is not strict code.
      const loose = JSON.stringify({
        compilerOptions: {
          strict: false,
          esModuleInterop: true,
          module: "esnext",
          moduleResolution: "bundler",
        },
        files: ["index.ts"],
      });
      assert.deepStrictEqual(
        await nativeOutcome({ "tsconfig.json": loose, "index.ts": "const a: number = 1;\n" }),
        {
          kind: "fallback",
          note:
            "TypeScript 7.0.2 checks every file as strict code, and under the program's alwaysStrict: false " +
            "(TypeScript 5.9.3's default without strict) index.ts is not: it has no import or export: type-checked " +
            "with TypeScript 5.9.3 through ts-node instead.",
        },
      );
      assert.deepStrictEqual(
        await nativeOutcome({ "tsconfig.json": loose, "index.ts": 'export const a: number = "a";\n' }),
        {
          kind: "checked",
          answer: {
            diagnostics: "index.ts(1,14): error TS2322: Type 'string' is not assignable to type 'number'.\n",
            files: 1,
          },
        },
      );
    });

    it("passes a program that compiles, and the report and its text say TypeScript 7 checked it", async () => {
      const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "aks-check-native-")), "report.json");
      const run = await runCli(
        ["check", `${FIXTURES}/native-compiles`, "--output", "json", "--out", out, "--tsc", "auto"],
        { typeCheck: true },
      );
      assert.strictEqual(run.stderr, "");
      const report = JSON.parse(fs.readFileSync(out, "utf8")) as CheckReport;
      assert.deepStrictEqual(report.typeCheck, { compiler: "tsc", version: "7.0.2" });
      assert.strictEqual(report.verdict, "pass");
      assert.strictEqual(run.code, 0);
      assert.match(run.stdout, /^Type-checked with TypeScript 7\.0\.2 \(native tsc\)\.$/m);
    });
  });
});
