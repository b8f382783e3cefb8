/**
 * A Pulumi TypeScript program shaped like Pulumi's own AKS examples (pulumi/examples `azure-ts-aks-*`,
 * `azure-ts-aks-helm`, …), which nobody here wrote: several files, per-module azure-native imports and one import
 * of the azure-native root, stack config read through `pulumi.Config`, a network, an identity, and N AKS clusters,
 * here `AksCluster`s with three Trusted Access bindings each (Azure ML, Backup, Defender), ten to a file. The
 * examples' azuread, tls and random resources are left out (those SDKs are not installed here); their cost in a
 * check is that of any other resource.
 *
 * Synthetic, written to a temporary folder whose node_modules links to this repository's, with the tsconfig.json of
 * Pulumi's TypeScript template (no skipLibCheck), and two more for PULUMI_NODEJS_TSCONFIG_PATH (below).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const REPO = path.resolve(__dirname, "..", "..");
const PER_FILE = 10;
/** The program's second tsconfig (`PULUMI_NODEJS_TSCONFIG_PATH`), with options TypeScript 7's native tsc takes. */
export const NATIVE_TSCONFIG = "tsconfig.nodenext.json";
/** Its third: pulumi/examples azure-ts-aks's own tsconfig.json (`skipLibCheck`, module nodenext, `types: ["node"]`). */
export const PUBLIC_TSCONFIG = "tsconfig.azure-ts-aks.json";

/** Writes the program for `clusters` clusters and returns its folder; `remove` deletes it. */
export function writeAksProgram(clusters: number): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `aks-bench-${clusters}-`));
  fs.symlinkSync(path.join(REPO, "node_modules"), path.join(dir, "node_modules"), "dir");
  const write = (file: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  write(
    "Pulumi.yaml",
    "name: aks-bench\nruntime: nodejs\ndescription: AKS clusters shaped like Pulumi's examples\n",
  );
  const template = {
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "commonjs",
    moduleResolution: "node",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: true,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  };
  const tsconfig = (compilerOptions: object): string =>
    JSON.stringify({ compilerOptions, files: ["index.ts"] }, null, 2);
  write("tsconfig.json", tsconfig(template));
  // The template with the module options TypeScript 7 kept, for the native tsc against TypeScript 5 on equal terms.
  write(NATIVE_TSCONFIG, tsconfig({ ...template, module: "nodenext", moduleResolution: "nodenext" }));
  write(
    PUBLIC_TSCONFIG,
    tsconfig({
      outDir: "bin",
      sourceMap: true,
      target: "ES2022",
      module: "nodenext",
      moduleResolution: "nodenext",
      moduleDetection: "force",
      types: ["node"],
      strict: true,
      noFallthroughCasesInSwitch: true,
      noImplicitReturns: true,
      skipLibCheck: true,
    }),
  );
  write(
    "config.ts",
    `import * as pulumi from "@pulumi/pulumi";

const config = new pulumi.Config();
export const location = config.get("location") ?? "westeurope";
export const nodeCount = config.getNumber("nodeCount") ?? 3;
export const subscriptionId = config.get("subscriptionId") ?? "00000000-0000-0000-0000-0000000000b2";
`,
  );
  write(
    "network.ts",
    `import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";
import { location } from "./config";

export const resourceGroup = new resources.ResourceGroup("aks-rg", { location });

export const vnet = new network.VirtualNetwork("aks-vnet", {
  resourceGroupName: resourceGroup.name,
  location,
  addressSpace: { addressPrefixes: ["10.0.0.0/8"] },
});

export const subnet = new network.Subnet("aks-nodes", {
  resourceGroupName: resourceGroup.name,
  virtualNetworkName: vnet.name,
  addressPrefix: "10.240.0.0/16",
});
`,
  );
  write(
    "identity.ts",
    `// Two of Pulumi's AKS examples import the azure-native root, which holds every module's types.
import * as azure_native from "@pulumi/azure-native";
import { location } from "./config";
import { resourceGroup } from "./network";

export const workloadIdentity = new azure_native.managedidentity.UserAssignedIdentity("aks-workload", {
  resourceGroupName: resourceGroup.name,
  location,
});
`,
  );
  const files = Math.ceil(clusters / PER_FILE);
  for (let f = 0; f < files; f++) {
    const first = f * PER_FILE;
    const count = Math.min(PER_FILE, clusters - first);
    write(`clusters/batch${f}.ts`, batchFile(first, count));
  }
  const imports = Array.from(
    { length: files },
    (_, f) => `import { clusters as batch${f} } from "./clusters/batch${f}";`,
  );
  write(
    "index.ts",
    `import * as pulumi from "@pulumi/pulumi";
${imports.join("\n")}
import { subnet, vnet } from "./network";
import { workloadIdentity } from "./identity";

const all = [${Array.from({ length: files }, (_, f) => `...batch${f}`).join(", ")}];

export const clusterNames = all.map((c) => c.cluster.name);
export const vnetId = vnet.id;
export const subnetId = subnet.id;
export const identityClientId = workloadIdentity.clientId;
export const clusterCount = pulumi.output(all.length);
`,
  );
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

function batchFile(first: number, count: number): string {
  const entries = Array.from({ length: count }, (_, i) => {
    const n = first + i;
    return `  new AksCluster("aks-${n}", {
    resourceGroupName: resourceGroup.name,
    location,
    clusterName: "aks-bench-${n}",
    systemNodePool: { count: nodeCount },
    trustedAccess: {
      ml: {
        roles: [TrustedAccessRole.MachineLearningWorkload, TrustedAccessRole.MachineLearningInference],
        sourceResourceId: \`\${sources(${n})}/Microsoft.MachineLearningServices/workspaces/ml-${n}\`,
      },
      backup: {
        roles: [TrustedAccessRole.BackupOperator],
        sourceResourceId: \`\${sources(${n})}/Microsoft.DataProtection/backupVaults/backup-${n}\`,
      },
      defender: {
        roles: [TrustedAccessRole.DefenderOperator],
        sourceResourceId: defenderOperator,
      },
    },
  }),`;
  });
  return `import { AksCluster, TrustedAccessRole } from ${JSON.stringify(REPO)};
import { location, nodeCount, subscriptionId } from "../config";
import { resourceGroup } from "../network";

const sources = (n: number): string => \`/subscriptions/\${subscriptionId}/resourceGroups/rg-sources-\${n}/providers\`;
const defenderOperator =
  \`/subscriptions/\${subscriptionId}/providers/Microsoft.Security/pricings/CloudPosture\` +
  "/securityOperators/DefenderCSPMSecurityOperator";

export const clusters: AksCluster[] = [
${entries.join("\n")}
];
`;
}
