import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as tsNode from "ts-node";
import * as ts from "typescript";
import * as vm from "vm";
import { programFailure } from "../../cli/check/program/programFailure";
import { originalPosition, rememberCompiled } from "../../cli/check/program/programSourceMaps";

/** Six lines of types that the compiled JavaScript drops, so that its lines are not the source's. */
const SOURCE = [
  "interface Settings {",
  "  readonly name: string;",
  "}",
  "type Name = string;",
  "const settings: Settings = { name: 'aks' };",
  "",
  "export function fail(name: Name): never {",
  "  throw new Error(`${settings.name}: ${name}`);",
  "}",
  "",
].join("\n");

/** The program's file as check's TypeScript hook compiles it: ts-node's transpiler, its inline source map. */
function compileWithTsNode(file: string, source: string): string {
  const service = tsNode.create({
    transpileOnly: true,
    skipProject: true,
    compilerOptions: { module: "commonjs", target: "es2020" },
  });
  return service.compile(source, file);
}

function compile(file: string, options: ts.CompilerOptions): ts.TranspileOutput {
  return ts.transpileModule(SOURCE, {
    fileName: file,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, ...options },
  });
}

/** The 1-based line and column of `needle` in a text. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const lines = text.split("\n");
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `${needle} not in ${text}`);
  return { line: line + 1, column: lines[line].indexOf(needle) + 1 };
}

/** Remembers a compiled program file, then checks its `throw` maps to the given line of the source, column 3. */
function assertThrowMapsTo(file: string, output: string, line: number): void {
  rememberCompiled(file, output);
  const compiledAt = positionOf(output, "throw new Error");
  assert.deepStrictEqual(originalPosition(file, compiledAt.line, compiledAt.column), {
    file,
    line,
    column: 3,
  });
}

describe("check: the positions it reports are in the program's sources", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "program-maps-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("maps a file compiled with an inline map, as ts-node compiles the program", () => {
    const file = path.join(dir, "index.ts");
    const output = compileWithTsNode(file, SOURCE);
    assert.match(output, /\/\/# sourceMappingURL=data:application\/json;charset=utf-8;base64,/);
    assert.notStrictEqual(positionOf(output, "throw new Error").line, 8, "the compiled line should differ");
    assertThrowMapsTo(file, output, 8);
  });

  it("maps a file whose inline map is larger than any window from its end (the map holds the source)", () => {
    const file = path.join(dir, "large.ts");
    const padding = `export const padding = ${JSON.stringify("x".repeat(150_000))};\n`;
    const output = compileWithTsNode(file, padding + SOURCE);
    assert.ok(output.length - output.lastIndexOf("sourceMappingURL=") > 200_000, "the map should be large");
    assertThrowMapsTo(file, output, 9);
  });

  it("gives the source's line of an error that code throws", () => {
    const file = path.join(dir, "thrower.ts");
    const { outputText } = compile(file, { inlineSourceMap: true });
    rememberCompiled(file, outputText);
    // Compiled under the file's name, as Node's module loader compiles it.
    const wrapper = vm.runInThisContext(`(function (exports) {${outputText}\n})`, {
      filename: file,
    }) as (exports: { fail?: (name: string) => never }) => void;
    const exported: { fail?: (name: string) => never } = {};
    wrapper(exported);
    const thrown = (() => {
      try {
        exported.fail?.("x");
      } catch (err) {
        return err as Error;
      }
      return undefined;
    })();
    // The stack trace itself is V8's, unmapped: only the position check reports is.
    assert.ok(thrown?.stack?.includes(`${file}:`), thrown?.stack);
    assert.ok(!thrown?.stack?.includes(`${file}:8:9`), thrown?.stack);
    const failure = programFailure(thrown, path.join(dir, "index.ts"), false);
    assert.strictEqual(
      failure.message,
      `The program ${path.join(dir, "index.ts")} failed (at ${file}:8:9): aks: x`,
    );
  });

  it("maps a user's compiled JavaScript file through the map file its comment names, from the map's folder", () => {
    const source = path.join(dir, "index.ts");
    const js = path.join(dir, "bin", "index.js");
    const mapFile = path.join(dir, "maps", "deep", "index.js.map");
    const { outputText, sourceMapText } = compile(source, { sourceMap: true });
    fs.mkdirSync(path.dirname(js));
    fs.mkdirSync(path.dirname(mapFile), { recursive: true });
    // The spec reads sources from the map's folder: here two levels below the source, the compiled file one.
    const map = JSON.parse(sourceMapText ?? "{}") as { sources: string[] };
    map.sources = ["../../index.ts"];
    fs.writeFileSync(
      js,
      outputText.replace(/\/\/# sourceMappingURL=.*$/m, "//# sourceMappingURL=../maps/deep/index.js.map"),
    );
    fs.writeFileSync(mapFile, JSON.stringify(map));
    const compiledAt = positionOf(outputText, "throw new Error");
    assert.deepStrictEqual(originalPosition(js, compiledAt.line, compiledAt.column), {
      file: source,
      line: 8,
      column: 3,
    });
  });

  it("leaves files it knows no map for", () => {
    const js = path.join(dir, "plain.js");
    fs.writeFileSync(js, "module.exports = 1;\n");
    assert.strictEqual(originalPosition(js, 1, 1), undefined);
    assert.strictEqual(originalPosition(path.join(dir, "never-compiled.ts"), 1, 1), undefined);
  });
});
