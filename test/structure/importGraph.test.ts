import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

/**
 * The tree's own import graph, read with the TypeScript compiler's import scanner: every relative import of every
 * TypeScript file outside node_modules, resolved to a file. What it does not prove: imports built at run time
 * (`require(variable)`) are invisible to it, as they are to the compiler.
 */
const ROOT = path.resolve(__dirname, "../..");
const FOLDERS = ["cli", "components", "policypack", "bench", "examples", "index.ts"];

function sourceFiles(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return full.endsWith(".ts") && !full.endsWith(".d.ts") ? [full] : [];
  return fs
    .readdirSync(full)
    .filter((name) => name !== "node_modules")
    .flatMap((name) => sourceFiles(path.join(entry, name)));
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, "index.ts")].find((candidate) => fs.existsSync(candidate));
}

function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of FOLDERS.flatMap(sourceFiles)) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
    graph.set(
      file,
      importedFiles.flatMap((i) => resolveImport(file, i.fileName) ?? []),
    );
  }
  return graph;
}

/** Every cycle's files, as found by a depth-first walk: a file reached again while still on the path closes one. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const done = new Set<string>();
  const onPath: string[] = [];
  const visit = (file: string): void => {
    const at = onPath.indexOf(file);
    if (at >= 0) {
      found.push([...onPath.slice(at), file].map((f) => path.relative(ROOT, f)));
      return;
    }
    if (done.has(file)) return;
    onPath.push(file);
    for (const next of graph.get(file) ?? []) visit(next);
    onPath.pop();
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return found;
}

describe("the import graph of the tree", () => {
  const graph = importGraph();

  it("reads the command files and the imports between them", () => {
    // Guards the test itself: a scanner that found nothing would pass every check below.
    const runner = path.join(ROOT, "cli/command/runCommand.ts");
    assert.ok(graph.get(runner)?.includes(path.join(ROOT, "cli/command/exitCodes.ts")));
  });

  it("has no import cycle", () => {
    assert.deepStrictEqual(cycles(graph), []);
  });

  it("has no command importing cli/main.ts, which only wires commands together", () => {
    const main = path.join(ROOT, "cli/main.ts");
    const importers = [...graph].filter(([, imports]) => imports.includes(main)).map(([f]) => f);
    assert.deepStrictEqual(
      importers.map((f) => path.relative(ROOT, f)),
      [],
    );
  });
});
