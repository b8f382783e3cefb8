/**
 * Where the time of a CPU profile went, by owner: our code, the Pulumi SDKs, protobuf and gRPC, TypeScript
 * (ts-node compiling and type-checking), the garbage collector, and the rest. Also the functions of ours and of
 * the SDKs with the most self time.
 *
 *   npx ts-node --transpile-only bench/profile/summarize.ts <file.cpuprofile | folder> [top=15]
 */
import * as fs from "fs";
import * as path from "path";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const REPO = path.resolve(__dirname, "../..");

/** Who owns a frame, from its script's path (or V8's name for its own work). */
export function ownerOf(frame: ProfileNode["callFrame"]): string {
  if (frame.functionName === "(garbage collector)") return "garbage collector";
  if (frame.functionName === "(idle)") return "idle";
  const url = frame.url.replace(/^file:\/\//, "");
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const name = url.slice(modules + "node_modules/".length).split("/");
    const pkg = name[0].startsWith("@") ? `${name[0]}/${name[1]}` : name[0];
    if (pkg === "typescript" || pkg === "ts-node" || pkg === "source-map-support")
      return "TypeScript (ts-node)";
    if (pkg === "google-protobuf" || pkg === "@grpc/grpc-js") return "protobuf + gRPC";
    if (pkg === "@pulumi/pulumi" && url.includes("/proto/")) return "protobuf + gRPC";
    return pkg;
  }
  if (url.startsWith(REPO)) return `ours (${path.relative(REPO, url).split(path.sep)[0]})`;
  return url === "" ? "V8 and Node (native)" : "Node internals";
}

interface Summary {
  readonly totalMs: number;
  readonly byOwner: ReadonlyMap<string, number>;
  readonly byFunction: ReadonlyMap<string, number>;
}

export function summarize(profile: CpuProfile): Summary {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byOwner = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, ms: number): void => {
    map.set(key, (map.get(key) ?? 0) + ms);
  };
  let totalMs = 0;
  profile.samples.forEach((id, i) => {
    const frame = frames.get(id);
    if (!frame) return;
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const owner = ownerOf(frame);
    if (owner === "idle") return;
    totalMs += ms;
    add(byOwner, owner, ms);
    if (owner.startsWith("ours") || owner.startsWith("@pulumi/")) {
      add(
        byFunction,
        `${frame.functionName || "(anonymous)"} ${path.basename(frame.url)}:${frame.lineNumber + 1}`,
        ms,
      );
    }
  });
  return { totalMs, byOwner, byFunction };
}

function render(file: string, summary: Summary, top: number): string {
  const rows = (map: ReadonlyMap<string, number>, count: number): string[] =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(
        ([key, ms]) =>
          `  ${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / summary.totalMs).toFixed(1).padStart(5)}%  ${key}`,
      );
  // Owners under 1% (dozens of small packages the SDKs load at start) are added up as one line.
  const owners = new Map<string, number>();
  for (const [owner, ms] of summary.byOwner) {
    const key = ms < summary.totalMs / 100 ? "other packages (each under 1%)" : owner;
    owners.set(key, (owners.get(key) ?? 0) + ms);
  }
  return [
    `${path.basename(file)}: ${summary.totalMs.toFixed(0)} ms busy`,
    ...rows(owners, Infinity),
    "  functions of ours and of the Pulumi SDKs with the most self time:",
    ...rows(summary.byFunction, top),
  ].join("\n");
}

function main(args: readonly string[]): number {
  const [target, topText] = args;
  const top = topText === undefined ? 15 : Number(topText);
  if (target === undefined || !Number.isInteger(top) || top < 1) {
    process.stderr.write(
      "usage: summarize.ts <file.cpuprofile | folder> [top, a whole number of 1 or more]\n",
    );
    return 2;
  }
  if (!fs.existsSync(target)) {
    process.stderr.write(`summarize.ts: "${target}" does not exist\n`);
    return 2;
  }
  const files = fs.statSync(target).isDirectory()
    ? fs
        .readdirSync(target)
        .filter((f) => f.endsWith(".cpuprofile"))
        .map((f) => path.join(target, f))
    : [target];
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(file, "utf8")) as CpuProfile;
    process.stdout.write(`${render(file, summarize(profile), top)}\n\n`);
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
