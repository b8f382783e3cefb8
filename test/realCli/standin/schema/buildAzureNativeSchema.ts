import { AzureNativeDts, ResourceShape, TypeOrigin } from "./azureNativeDts";
import { azureNativeLanguage } from "./azureNativeLanguage";
import { pythonFileName, PythonProperty, PythonWheelFacts } from "./pythonWheelFacts";
import { PackageSpec, PropertySpec, TypeSpec } from "./schemaSpec";

/** Where the facts come from: the npm package's folder and the unpacked wheel's `pulumi_azure_native` folder. */
export interface AzureNativeSources {
  readonly npmPackageDir: string;
  readonly npmVersion: string;
  readonly wheelPackageDir: string;
}

/**
 * azure-native's schema for the given resource tokens (`azure-native:<module>:<Name>`) and every type they reach:
 * properties, types and docs from the npm SDK's declarations, integers and Python names checked against the wheel,
 * `language` blocks from azure-native's generator (azureNativeLanguage.ts). Throws when the two SDKs disagree, so
 * the schema never says what neither published SDK says.
 */
export function buildAzureNativeSchema(sources: AzureNativeSources, tokens: readonly string[]): PackageSpec {
  const dts = new AzureNativeDts(sources.npmPackageDir);
  const wheel = new PythonWheelFacts(sources.wheelPackageDir);
  const manifest = wheel.pluginManifest();
  if (manifest.name !== "azure-native" || manifest.version !== sources.npmVersion)
    throw new Error(
      `the wheel's pulumi-plugin.json names ${manifest.name} ${manifest.version}, the npm package azure-native ${sources.npmVersion}`,
    );

  const schema: PackageSpec = {
    name: "azure-native",
    displayName: "Azure Native",
    version: sources.npmVersion,
    description: "A native Pulumi package for creating and managing Azure resources.",
    keywords: ["pulumi", "azure", "azure-native", "category/cloud", "kind/native"],
    homepage: "https://pulumi.com",
    license: "Apache-2.0",
    publisher: "Pulumi",
    repository: "https://github.com/pulumi/pulumi-azure-native",
    language: {},
    resources: {},
    types: {},
  };
  const modules = new Set<string>();
  for (const token of [...tokens].sort()) {
    const [pkg, module, name] = token.split(":");
    if (pkg !== "azure-native" || !module || !name || module.includes("/"))
      throw new Error(`${token} is not an azure-native resource token of a default-version module`);
    modules.add(module);
    const shape = dts.resource(module, name);
    const file = pythonFileName(name);
    const outputs = wheel.properties(module, file, name);
    const inputs = wheel.properties(module, file, `${name}Args`);
    schema.resources[token] = resourceSpec(token, shape, inputs, outputs);
  }

  // Every type a resource reaches, and the types those reach in turn.
  const done = new Set<string>();
  for (let next = firstPending(dts, done); next; next = firstPending(dts, done)) {
    const [token, origin] = next;
    done.add(token);
    schema.types[token] =
      origin.side === "enum"
        ? dts.enumType(origin.module, origin.tsName)
        : objectType(dts, wheel, token, origin);
  }
  schema.types = Object.fromEntries(Object.entries(schema.types).sort(([a], [b]) => a.localeCompare(b)));
  schema.language = azureNativeLanguage([...modules].sort(), Number(sources.npmVersion.split(".")[0]));
  return schema;
}

function firstPending(dts: AzureNativeDts, done: Set<string>): [string, TypeOrigin] | undefined {
  for (const entry of dts.pending) if (!done.has(entry[0])) return entry;
  return undefined;
}

function resourceSpec(
  token: string,
  shape: ResourceShape,
  pythonInputs: Map<string, PythonProperty>,
  pythonOutputs: Map<string, PythonProperty>,
): PackageSpec["resources"][string] {
  return {
    ...(shape.description ? { description: shape.description } : {}),
    properties: checked(`${token} (outputs)`, shape.outputs, pythonOutputs),
    required: shape.required,
    inputProperties: checked(`${token} (inputs)`, shape.inputs, pythonInputs),
    requiredInputs: shape.requiredInputs,
  };
}

function objectType(dts: AzureNativeDts, wheel: PythonWheelFacts, token: string, origin: TypeOrigin) {
  const spec = dts.objectType(origin.module, origin);
  // The Python SDK names its classes as the Node.js SDK does: `<Name>Args` for inputs, the token's name for outputs.
  const python = wheel.properties(
    origin.module,
    origin.side === "input" ? "_inputs" : "outputs",
    origin.tsName,
  );
  return { ...spec, properties: checked(token, spec.properties, python) };
}

/**
 * The properties as the npm SDK declares them, with `number` made `integer` where the wheel says `int`; an error
 * when the two SDKs do not list the same properties.
 */
function checked(
  where: string,
  properties: Record<string, PropertySpec>,
  python: Map<string, PythonProperty>,
): Record<string, PropertySpec> {
  const npmNames = Object.keys(properties).sort();
  const pythonNames = [...python.keys()].sort();
  if (npmNames.join() !== pythonNames.join())
    throw new Error(
      `${where}: the npm SDK has properties [${npmNames.join(", ")}], the Python SDK [${pythonNames.join(", ")}]`,
    );
  return Object.fromEntries(
    npmNames.map((name) => {
      const annotation = python.get(name)!.annotation;
      const isInt = /\b_builtins\.int\b/.test(annotation) && !/\b_builtins\.float\b/.test(annotation);
      return [name, isInt ? integers(properties[name]) : properties[name]];
    }),
  );
}

function integers<T extends TypeSpec>(spec: T): T {
  if (spec.type === "number") return { ...spec, type: "integer" };
  if (spec.items) return { ...spec, items: integers(spec.items) };
  if (spec.additionalProperties)
    return { ...spec, additionalProperties: integers(spec.additionalProperties) };
  return spec;
}
