import * as fs from "fs";
import * as path from "path";
import { PulumiSandbox } from "./pulumiSandbox";

/** The folder of the project where the local azure-native Go SDK is written. */
const SDK_FOLDER = "azure-native-sdk";

/** The version of github.com/blang/semver that Pulumi's Go SDK requires, which azure-native's utilities import. */
const SEMVER_MODULE = "github.com/blang/semver v3.5.1+incompatible";

/**
 * The azure-native Go SDK a Go consumer of our package compiles against, made here, because the Go module proxy
 * refuses every version of github.com/pulumi/pulumi-azure-native-sdk (`403 Forbidden: This module version is not
 * available`). It is generated as Pulumi generates azure-native's own: `pulumi package gen-sdk --language go` of
 * the schema the azure-native plugin (our stand-in) serves, with azure-native's Go options, into one module named
 * by its `importBasePath`, and the project's go.mod replaces that module by the folder. Differences from the
 * published SDK, both where our package's generated SDK would not build against the published one (see
 * docs/languages.md, Go):
 *   - the published SDK puts each Azure module in a Go module of its own (`…/containerservice/v3`), but Pulumi's Go
 *     generator makes our SDK import `<importBasePath>/containerservice` (`…/v3/containerservice`), which only a
 *     single module holds;
 *   - azure-native sets `generateResourceContainerTypes: false`, so its SDK has no `AgentPoolMapOutput` or
 *     `TrustedAccessRoleBindingMapOutput`, which our SDK's `nodePools` and `bindings` outputs use: turned on here.
 */
export async function linkAzureNativeGoSdk(
  sandbox: PulumiSandbox,
  projectDir: string,
  version: string,
): Promise<string> {
  const got = await sandbox.pulumi(["package", "get-schema", `azure-native@${version}`], { cwd: projectDir });
  if (got.code !== 0)
    throw new Error(`pulumi package get-schema azure-native@${version} failed:\n${got.stderr}`);
  const schema = JSON.parse(got.stdout) as { language?: { go?: Record<string, unknown> } };
  const go = schema.language?.go;
  const modulePath = go?.importBasePath;
  if (typeof modulePath !== "string")
    throw new Error(`azure-native@${version}'s schema has no language.go.importBasePath`);
  go!.generateResourceContainerTypes = true;
  const schemaFile = path.join(sandbox.dir, `azure-native-${version}-go.json`);
  fs.writeFileSync(schemaFile, JSON.stringify(schema));

  const out = path.join(projectDir, SDK_FOLDER);
  const gen = await sandbox.pulumi(["package", "gen-sdk", schemaFile, "--language", "go", "--out", out], {
    cwd: projectDir,
  });
  if (gen.code !== 0)
    throw new Error(`pulumi package gen-sdk of azure-native failed:\n${gen.stdout}${gen.stderr}`);

  const goMod = path.join(projectDir, "go.mod");
  const sdkVersion = /^require github\.com\/pulumi\/pulumi\/sdk\/v3 (v\S+)$/m.exec(
    fs.readFileSync(goMod, "utf8"),
  );
  if (!sdkVersion) throw new Error(`${goMod} does not require github.com/pulumi/pulumi/sdk/v3 on one line`);
  fs.writeFileSync(
    path.join(out, "go", "go.mod"),
    `module ${modulePath}\n\ngo 1.26\n\nrequire (\n\t${SEMVER_MODULE}\n` +
      `\tgithub.com/pulumi/pulumi/sdk/v3 ${sdkVersion[1]}\n)\n`,
  );
  fs.appendFileSync(goMod, `\nreplace ${modulePath} => ./${SDK_FOLDER}/go\n`);
  return modulePath;
}
