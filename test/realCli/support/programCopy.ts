import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO } from "../../support/builtPackage";

/**
 * A copy of one of our TypeScript programs in a temporary folder, as its own Pulumi project, so that a test can
 * change a line of it between two `pulumi up`s without touching the repository. Its imports of this package point at
 * the repository, and node_modules is the repository's (a symbolic link: Node.js resolves it to the real path, so
 * the program and the component share one @pulumi/pulumi).
 */
export class ProgramCopy {
  private constructor(readonly dir: string) {}

  /** Copies `source` (a program file in the repository) with a Pulumi.yaml of `project`'s name. */
  static create(source: string, project: string): ProgramCopy {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "aks-ta-program-"));
    const sourceDir = path.dirname(path.join(REPO, source));
    const text = fs
      .readFileSync(path.join(REPO, source), "utf8")
      .replace(/from "(\.\.?\/[^"]*)"/g, (_, rel: string) => `from "${path.resolve(sourceDir, rel)}"`);
    fs.writeFileSync(path.join(dir, "index.ts"), text);
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      `name: ${project}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\nmain: index.ts\n`,
    );
    fs.symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"));
    return new ProgramCopy(dir);
  }

  /** Replaces one exact piece of the program's text, which must occur exactly once. */
  edit(from: string, to: string): void {
    const file = path.join(this.dir, "index.ts");
    const text = fs.readFileSync(file, "utf8");
    const count = text.split(from).length - 1;
    if (count !== 1)
      throw new Error(`expected ${JSON.stringify(from)} once in the program, found it ${count} times`);
    fs.writeFileSync(file, text.replace(from, to));
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
