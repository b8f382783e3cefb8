import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO } from "../../support/builtPackage";
import { PulumiRun, PulumiSandbox } from "./pulumiSandbox";

/** What a copy leaves behind: what `pulumi package add` and installs write, which the test makes afresh. */
const NOT_COPIED = new Set(["sdks", "venv", ".venv", "node_modules", "__pycache__", "bin"]);

/**
 * A copy of one of our examples for another Pulumi language (`examples/<name>`) in a temporary folder, as a user's
 * project holds it. Its `packages:` entry names the plugin package by absolute path instead of `../..` (this
 * repository, or `pluginDir`, an unpacked `npm pack` of it), and {@link packageAdd} runs what the user runs:
 * `pulumi package add <that folder>`, which installs the plugin package there (our Node.js host's `npm install`,
 * offline in the sandbox), reads its schema, binds it against the azure-native stand-in's schema, and generates and
 * links the SDK of the project's language.
 */
export class ConsumerProject {
  private constructor(
    readonly dir: string,
    readonly pluginDir: string,
  ) {}

  static create(example: string, pluginDir: string = REPO): ConsumerProject {
    const source = path.join(REPO, "examples", example);
    if (!fs.existsSync(path.join(source, "Pulumi.yaml")))
      throw new Error(`examples/${example} has no Pulumi.yaml`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `aks-ta-${example}-`));
    fs.cpSync(source, dir, { recursive: true, filter: (from) => !NOT_COPIED.has(path.basename(from)) });
    const project = path.join(dir, "Pulumi.yaml");
    fs.writeFileSync(
      project,
      fs
        .readFileSync(project, "utf8")
        .replace(/^(\s+aks-trusted-access:\s*)\.\.\/\.\.\s*$/m, `$1${pluginDir}`),
    );
    return new ConsumerProject(dir, pluginDir);
  }

  /** `pulumi package add <the plugin package>` in the project; throws with Pulumi's output when it fails. */
  async packageAdd(sandbox: PulumiSandbox): Promise<PulumiRun> {
    const run = await sandbox.pulumi(["package", "add", this.pluginDir], { cwd: this.dir });
    if (run.code !== 0)
      throw new Error(
        `pulumi package add ${this.pluginDir} failed in ${this.dir}:\n${run.stdout}\n${run.stderr}`,
      );
    return run;
  }

  /** Writes a file of the project (a program variant for one test), relative to its folder. */
  write(file: string, text: string): void {
    fs.mkdirSync(path.dirname(path.join(this.dir, file)), { recursive: true });
    fs.writeFileSync(path.join(this.dir, file), text);
  }

  dispose(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
