import * as fs from "fs";
import * as path from "path";
import { PackStartError } from "./errors";

/** What the Pulumi CLI needs to know about a pack folder before it runs it. */
export interface PolicyProject {
  /** Absolute path of the pack folder (the pack process's working directory). */
  readonly dir: string;
  /** The pack's `@pulumi/pulumi/cmd/run-policy-pack`, resolved from the pack folder as the CLI's plugin does. */
  readonly runPolicyPack: string;
}

const RUN_POLICY_PACK = "@pulumi/pulumi/cmd/run-policy-pack";

/** Checks the folder is a Node.js policy pack with its dependencies installed. */
export function loadPolicyProject(packDir: string): PolicyProject {
  const dir = path.resolve(packDir);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
    throw new PackStartError(dir, "no such folder");
  }
  const manifest = path.join(dir, "PulumiPolicy.yaml");
  if (!fs.existsSync(manifest)) {
    throw new PackStartError(dir, "the folder has no PulumiPolicy.yaml, so it is not a policy pack");
  }
  const runtime = readRuntimeName(fs.readFileSync(manifest, "utf8"));
  if (runtime !== "nodejs") {
    const found = runtime === undefined ? "no runtime" : `runtime "${runtime}"`;
    throw new PackStartError(
      dir,
      `PulumiPolicy.yaml declares ${found}; only "runtime: nodejs" packs can run here`,
    );
  }
  return { dir, runPolicyPack: resolveRunPolicyPack(dir) };
}

function resolveRunPolicyPack(dir: string): string {
  try {
    return require.resolve(RUN_POLICY_PACK, { paths: [dir] });
  } catch {
    throw new PackStartError(
      dir,
      `cannot find ${RUN_POLICY_PACK} from the pack folder; its dependencies are not installed ` +
        `(run "npm install" in "${dir}")`,
    );
  }
}

/**
 * Reads `runtime` from PulumiPolicy.yaml, in either form Pulumi accepts: `runtime: nodejs` or a mapping with
 * `name: nodejs`. Only this top-level key is read, so a full YAML parser is not needed.
 */
export function readRuntimeName(yamlText: string): string | undefined {
  const lines = yamlText.split(/\r?\n/);
  const at = lines.findIndex((line) => /^runtime\s*:/.test(line));
  if (at < 0) return undefined;
  const inline = scalar(lines[at].replace(/^runtime\s*:/, ""));
  if (inline !== "") return inline;
  for (const line of lines.slice(at + 1)) {
    if (/^\S/.test(line)) break; // the mapping ended at the next top-level key
    const name = /^\s+name\s*:(.*)$/.exec(line);
    if (name) return scalar(name[1]);
  }
  return undefined;
}

function scalar(text: string): string {
  return text
    .replace(/\s#.*$/, "")
    .trim()
    .replace(/^(["'])(.*)\1$/, "$2");
}
