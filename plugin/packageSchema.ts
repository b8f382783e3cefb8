import * as fs from "fs";
import * as path from "path";
import { AnalyzeResult, Analyzer } from "@pulumi/pulumi/provider/experimental/analyzer";
import { PackageSpec, generateSchema } from "@pulumi/pulumi/provider/experimental/schema";

/** The package schema the plugin serves to `pulumi package add` (Pulumi's package schema format, as JSON). */
export type PackageSchema = PackageSpec & {
  readonly displayName?: string;
  readonly keywords?: string[];
  readonly license?: string;
  readonly homepage?: string;
  readonly repository?: string;
};

/** The components the plugin offers; the classes of the same names exported from index.ts. */
export const PLUGIN_COMPONENTS = ["AksCluster", "TrustedAccessBindings"] as const;

/** The name Pulumi shows for the package (the Registry, the SDKs' READMEs). */
export const DISPLAY_NAME = "AKS Trusted Access";

interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly description?: string;
  readonly keywords?: string[];
  readonly license?: string;
  readonly homepage?: string;
  readonly repository?: string | { readonly url?: string };
}

/**
 * Infers the schema from the TypeScript sources with Pulumi's own analyzer (what `componentProviderHost` runs at
 * start), then adds what the analyzer leaves out: the types' descriptions and the package metadata of
 * package.json. Takes seconds (it builds a TypeScript program of the whole project): `npm run build` runs it once.
 */
export function inferPackageSchema(root: string): PackageSchema {
  const packageJson = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as PackageJson;
  const analyzer = new Analyzer(root, packageJson.name, packageJson, new Set(PLUGIN_COMPONENTS));
  const analysis = analyzer.analyze();
  const schema = generateSchema(
    packageJson.name,
    packageJson.version,
    packageJson.description ?? "",
    analysis.components,
    analysis.typeDefinitions,
    analysis.dependencies,
  );
  return {
    ...schema,
    types: withTypeDescriptions(packageJson.name, schema.types, analysis, analyzer),
    ...metadata(packageJson),
  };
}

function metadata(packageJson: PackageJson): Partial<PackageSchema> {
  const { repository } = packageJson;
  const repositoryUrl = typeof repository === "string" ? repository : repository?.url;
  return {
    displayName: DISPLAY_NAME,
    ...(packageJson.keywords ? { keywords: packageJson.keywords } : {}),
    ...(packageJson.license ? { license: packageJson.license } : {}),
    ...(packageJson.homepage ? { homepage: packageJson.homepage } : {}),
    ...(repositoryUrl ? { repository: repositoryUrl.replace(/^git\+/, "") } : {}),
  };
}

/**
 * `generateSchema` drops the descriptions the analyzer found on enums and object types: put them back. An
 * interface's TSDoc sits in the analyzer's own table of doc strings (a private field; the golden schema test
 * shows it if a new SDK moves it).
 */
function withTypeDescriptions(
  packageName: string,
  types: PackageSchema["types"],
  analysis: AnalyzeResult,
  analyzer: Analyzer,
): PackageSchema["types"] {
  const docStrings = (analyzer as unknown as { docStrings?: Record<string, string> }).docStrings ?? {};
  return Object.fromEntries(
    Object.entries(types).map(([token, type]) => {
      const name = token.slice(`${packageName}:index:`.length);
      const description = analysis.typeDefinitions[name]?.description ?? docStrings[name];
      return [token, description ? { ...type, description } : type];
    }),
  );
}
