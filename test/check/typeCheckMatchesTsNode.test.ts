import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { startTypeCheck } from "../../cli/check/program/typeCheck";
import { isOwnSource } from "../../cli/check/program/typeCheckWorker";
import {
  TypeScriptSettings,
  loadModule,
  tsNodeOptions,
  typescriptSettings,
} from "../../cli/check/program/typescriptSettings";
import { FIXTURES, REPO } from "./support/runCli";

const SDK_ROOT = path.join(REPO, "node_modules", "@pulumi", "pulumi");

interface TsNodeService {
  compile(code: string, fileName: string): string;
}
interface TsNodeError {
  readonly name: string;
  readonly diagnosticText: string;
}

/**
 * What Pulumi's Node.js host reports for each of the program's own files: its ts-node, created with the options the
 * host passes (type-checking on), compiles each file as `require` would, and throws a TSError with that file's
 * diagnostics. The text of each file that does not compile, by file.
 */
function tsNodeDiagnostics(settings: TypeScriptSettings, pretty: boolean): Map<string, string> {
  const tsNode = loadModule<{ create(options: Record<string, unknown>): TsNodeService }>(
    "ts-node",
    settings.tsNode,
  );
  const service = tsNode.create({ ...tsNodeOptions(settings, false), pretty });
  const files = fs
    .readdirSync(settings.programDir, { recursive: true, encoding: "utf8" })
    .map((file) => path.join(settings.programDir, file))
    .filter(isOwnSource);
  const found = new Map<string, string>();
  for (const file of files) {
    try {
      service.compile(fs.readFileSync(file, "utf8"), file);
    } catch (err) {
      if ((err as TsNodeError).name !== "TSError") throw err;
      found.set(file, (err as TsNodeError).diagnosticText);
    }
  }
  return found;
}

/**
 * The separate checker's answer must be ts-node's texts, every one, nothing else: each file's diagnostics as one
 * block (ts-node stops at the first file that does not compile; the checker lists them all, in the compiler's
 * file order, which nativeTypeCheck.test.ts and checkFailures.test.ts pin).
 */
async function assertSameAsTsNode(settings: TypeScriptSettings, pretty: boolean): Promise<string> {
  const expected = tsNodeDiagnostics(settings, pretty);
  const answer = await startTypeCheck({
    settings,
    mainFile: path.join(settings.programDir, "index.ts"),
    pretty,
  }).answer;
  assert.strictEqual(answer.checker.compiler, "ts-node");
  const checked = answer.diagnostics ?? "";
  const blocks = [...expected.values()];
  for (const block of blocks)
    assert.ok(checked.includes(block), `missing ts-node's\n${block}\nin\n${checked}`);
  const inCheckerOrder = blocks.sort((a, b) => checked.indexOf(a) - checked.indexOf(b)).join("");
  assert.strictEqual(checked, inCheckerOrder);
  return checked;
}

const settingsOf = (dir: string, tsconfig?: string): TypeScriptSettings =>
  typescriptSettings(dir, SDK_ROOT, tsconfig);

// The checker builds its program as tsc does, parsing only the doc comments type errors depend on (TypeScript's
// JSDocParsingMode.ParseForTypeErrors); ts-node's language service parses them all. Held against ts-node itself.
describe("check: the TypeScript 5 checker reports what Pulumi's ts-node reports", function () {
  this.timeout(180_000);
  const typeErrors = path.join(REPO, FIXTURES, "type-errors");

  it("on the type-errors fixture under its tsconfig.json (module commonjs): both files' errors, worded alike", async () => {
    const checked = await assertSameAsTsNode(settingsOf(typeErrors), false);
    assert.strictEqual(
      checked,
      "region.ts(2,41): error TS7030: Not all code paths return a value.\n" +
        "index.ts(7,84): error TS4111: Property 'team' comes from an index signature, so it must be accessed " +
        "with ['team'].\n",
    );
  });

  it("on the type-errors fixture under its tsconfig.nodenext.json, and with colour and context as on a terminal", async () => {
    const settings = settingsOf(typeErrors, "tsconfig.nodenext.json");
    await assertSameAsTsNode(settings, false);
    const pretty = await assertSameAsTsNode(settings, true);
    assert.ok(pretty.includes("\u001b["), "the pretty text has colours");
  });

  it("when it reads the settings itself, as check starts it: the same answer as given them", async () => {
    const settings = settingsOf(typeErrors, "tsconfig.nodenext.json");
    const mainFile = path.join(typeErrors, "index.ts");
    const source = { programDir: typeErrors, sdkRoot: SDK_ROOT, tsconfigOption: "tsconfig.nodenext.json" };
    const [given, read] = await Promise.all(
      [settings, source].map((from) => startTypeCheck({ settings: from, mainFile, pretty: false }).answer),
    );
    assert.ok(given.diagnostics?.includes("error TS"), "the fixture has type errors");
    assert.deepStrictEqual({ ...read, ms: 0, peakMiB: 0 }, { ...given, ms: 0, peakMiB: 0 });
  });

  it("on the does-not-compile fixture", async () => {
    const checked = await assertSameAsTsNode(
      settingsOf(path.join(REPO, FIXTURES, "does-not-compile")),
      false,
    );
    assert.strictEqual(checked, "index.ts(4,34): error TS7030: Not all code paths return a value.\n");
  });

  it("on doc comments: a name only a {@link} uses is used, one only a @param type names is not", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-check-jsdoc-"));
    try {
      const write = (file: string, text: string) => fs.writeFileSync(path.join(dir, file), text);
      write(
        "tsconfig.json",
        JSON.stringify({ compilerOptions: { strict: true, noUnusedLocals: true }, files: ["index.ts"] }),
      );
      write("names.ts", "export interface Linked { a: string }\nexport interface Named { b: string }\n");
      write(
        "index.ts",
        'import { Linked, Named } from "./names";\n\n' +
          "/**\n * The region, as a {@link Linked} names it.\n * @param name {Named} a name\n" +
          " * @deprecated use another\n */\nexport function region(name: string): number {\n  return name;\n}\n" +
          "export const r = region('a');\n",
      );
      const checked = await assertSameAsTsNode(settingsOf(dir), false);
      assert.strictEqual(
        checked,
        "index.ts(1,18): error TS6133: 'Named' is declared but its value is never read.\n" +
          "index.ts(9,3): error TS2322: Type 'string' is not assignable to type 'number'.\n",
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
