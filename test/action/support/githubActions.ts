import { spawnSync } from "child_process";
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";

/** The part of an action.yml a composite action's run reads. */
interface ActionFile {
  readonly inputs?: Record<string, { readonly default?: string }>;
  readonly outputs?: Record<string, { readonly value: string }>;
  readonly runs: {
    readonly using: string;
    readonly steps: readonly {
      readonly id?: string;
      readonly shell?: string;
      readonly run?: string;
      readonly uses?: string;
      readonly if?: string;
      readonly env?: Record<string, string>;
    }[];
  };
}

export interface ActionRun {
  /** The exit code of the step that failed, or 0. */
  readonly code: number;
  /** The ids of the steps that ran, in order. */
  readonly ran: readonly string[];
  readonly outputs: Readonly<Record<string, string>>;
  /** What the steps wrote to `$GITHUB_STEP_SUMMARY`. */
  readonly summary: string;
  readonly stdout: string;
  readonly stderr: string;
}

export interface ActionRunOptions {
  /** The action's folder (`github.action_path`). */
  readonly actionPath: string;
  readonly inputs: Readonly<Record<string, string>>;
  /** The job's working directory (`$GITHUB_WORKSPACE`). */
  readonly workspace: string;
  /** `$RUNNER_TEMP`. */
  readonly runnerTemp: string;
  /** The rest of the runner's environment (PATH, HOME, …). */
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Runs a composite action's steps as a GitHub runner does: each `run` step as `bash --noprofile --norc -eo pipefail
 * FILE` (GitHub's command for `shell: bash`), in the workspace, with `$GITHUB_OUTPUT` a new file per step and
 * `$GITHUB_STEP_SUMMARY` one file for the action; the steps' outputs (`name=value` and `name<<DELIMITER` lines)
 * feed `${{ steps.<id>.outputs.<name> }}`, and the first failing step stops the run. Expressions are evaluated only
 * where they are, `env` values and output values, and only the contexts `inputs`, `github.action_path`,
 * `runner.temp` and `steps`: anything else, a step with `uses` or `if`, or `${{` inside a script (an injection
 * risk) throws, so that the action cannot depend on what this runner does not model.
 */
export function runCompositeAction(options: ActionRunOptions): ActionRun {
  const action = yaml.load(
    fs.readFileSync(path.join(options.actionPath, "action.yml"), "utf8"),
  ) as ActionFile;
  if (action.runs.using !== "composite") throw new Error(`not a composite action: ${action.runs.using}`);
  const inputs: Record<string, string> = Object.fromEntries(
    Object.entries(action.inputs ?? {}).map(([name, spec]) => [name, spec.default ?? ""]),
  );
  for (const [name, value] of Object.entries(options.inputs)) {
    if (!(name in inputs)) throw new Error(`the action has no input ${name}`);
    inputs[name] = value;
  }
  const steps: Record<string, Record<string, string>> = {};
  const evaluate = (text: string): string =>
    text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_, expression: string) => {
      let m: RegExpMatchArray | null;
      if ((m = /^inputs\.([\w-]+)$/.exec(expression)) !== null && m[1] in inputs) return inputs[m[1]];
      if (expression === "github.action_path") return options.actionPath;
      if (expression === "runner.temp") return options.runnerTemp;
      if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression)) !== null)
        return steps[m[1]]?.[m[2]] ?? "";
      throw new Error(`expression not modelled here: ${expression}`);
    });

  const summaryFile = path.join(options.runnerTemp, "step-summary.md");
  fs.writeFileSync(summaryFile, "");
  const ran: string[] = [];
  let stdout = "";
  let stderr = "";
  let code = 0;
  action.runs.steps.forEach((step, index) => {
    if (code !== 0) return;
    const id = step.id ?? `__${index}`;
    if (step.uses !== undefined || step.if !== undefined || step.shell !== "bash" || step.run === undefined) {
      throw new Error(`step ${id}: only run steps with shell: bash and no if are modelled here`);
    }
    if (step.run.includes("${{")) throw new Error(`step ${id}: an expression inside the script`);
    const script = path.join(options.runnerTemp, `step-${index}.sh`);
    const outputFile = path.join(options.runnerTemp, `output-${index}`);
    fs.writeFileSync(script, step.run);
    fs.writeFileSync(outputFile, "");
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(String(v))]));
    const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], {
      cwd: options.workspace,
      encoding: "utf8",
      env: {
        ...options.env,
        CI: "true",
        GITHUB_ACTIONS: "true",
        GITHUB_WORKSPACE: options.workspace,
        GITHUB_ACTION_PATH: options.actionPath,
        RUNNER_TEMP: options.runnerTemp,
        GITHUB_OUTPUT: outputFile,
        GITHUB_STEP_SUMMARY: summaryFile,
        ...env,
      },
    });
    ran.push(id);
    stdout += result.stdout;
    stderr += result.stderr;
    steps[id] = parseOutputs(fs.readFileSync(outputFile, "utf8"));
    code = result.status ?? 1;
  });
  const outputs = Object.fromEntries(
    Object.entries(action.outputs ?? {}).map(([name, spec]) => [name, evaluate(spec.value)]),
  );
  return { code, ran, outputs, summary: fs.readFileSync(summaryFile, "utf8"), stdout, stderr };
}

/** `$GITHUB_OUTPUT`'s two forms: `name=value` lines and `name<<DELIMITER` … `DELIMITER` blocks. */
export function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc !== null) {
      const end = lines.indexOf(heredoc[2], i + 1);
      if (end < 0) throw new Error(`output ${heredoc[1]}: no closing ${heredoc[2]}`);
      outputs[heredoc[1]] = lines.slice(i + 1, end).join("\n");
      i = end;
    } else if (line.includes("=")) {
      outputs[line.slice(0, line.indexOf("="))] = line.slice(line.indexOf("=") + 1);
    }
  }
  return outputs;
}
