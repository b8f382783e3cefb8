import * as grpc from "@grpc/grpc-js";
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { packageRoot } from "../../../plugin/packageRoot";

export const ROOT = packageRoot(path.join(__dirname, "..", ".."));

/** A started plugin: its ResourceProvider client, and what it wrote to stderr. */
export interface PluginProcess {
  readonly pid: number;
  readonly port: number;
  readonly client: ResourceProviderClient;
  /** Milliseconds from spawn to the port on stdout. */
  readonly msToPort: number;
  stderr(): string;
  stop(): Promise<void>;
}

/** A fresh folder standing in for the consumer's project, the plugin's working directory under Pulumi. */
export function consumerFolder(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "aks-ta-consumer-"));
}

/**
 * Starts the package as Pulumi's Node.js language host does (`RunPlugin`): `node <pkg>/node_modules/@pulumi/pulumi/
 * cmd/run-plugin <pkg> <engine address>`, working directory the consumer's folder; the port is the first line of
 * stdout.
 */
export function startPlugin(options: {
  cwd: string;
  engineAddress: string;
  root?: string;
  /** Another script to run in run-plugin's place with the same arguments (the benchmark's stock host). */
  runner?: string;
  /** Node options before the script (the benchmark gives the plugin its own heap settings). */
  nodeArgs?: readonly string[];
}): Promise<PluginProcess> {
  const root = options.root ?? ROOT;
  const runPlugin =
    options.runner ?? path.join(root, "node_modules", "@pulumi", "pulumi", "cmd", "run-plugin");
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), runPlugin, root, options.engineAddress],
    {
      cwd: options.cwd,
      env: withoutTsNode(process.env),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let stdout = "";
    child.once("exit", (code) =>
      reject(new Error(`the plugin exited with code ${code} before its port:\n${stderr}`)),
    );
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      const line = stdout.split("\n")[0];
      if (!stdout.includes("\n")) return;
      child.stdout?.removeAllListeners("data");
      child.removeAllListeners("exit");
      const port = Number(line.trim());
      resolve({
        pid: child.pid ?? 0,
        port,
        msToPort: Date.now() - started,
        client: new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure()),
        stderr: () => stderr,
        stop: () => stop(child),
      });
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** The tests run under ts-node; the plugin must start as under Pulumi, without the test runner's settings. */
function withoutTsNode(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.startsWith("TS_NODE_")));
}

/** Calls a unary method of the client as a promise. */
export function call<Req, Res>(
  method: (req: Req, callback: (err: grpc.ServiceError | null, res: Res) => void) => unknown,
  request: Req,
): Promise<Res> {
  return new Promise((resolve, reject) => method(request, (err, res) => (err ? reject(err) : resolve(res))));
}
