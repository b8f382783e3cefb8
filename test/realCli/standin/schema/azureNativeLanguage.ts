/**
 * The `language` blocks of azure-native's schema, for the modules the stand-in serves. A binder of a package that
 * refers to azure-native reads them to name azure-native's classes in the generated code: Go import paths and
 * package names, .NET namespaces, Java packages, Python module names.
 *
 * Where each fact comes from (read, not copied):
 * - the shape of every block: pulumi-azure-native's generator, `provider/pkg/gen/schema.go` (`PulumiSchema`), which
 *   fills `namespaces` / `packages` / `moduleNameOverrides` / `packageImportAliases` one module at a time;
 * - Go, at major version 3: the published Go SDK's module paths as programs import them,
 *   `github.com/pulumi/pulumi-azure-native-sdk/containerservice/v3` (package `containerservice`) and the root
 *   `github.com/pulumi/pulumi-azure-native-sdk/v3` (package `pulumiazurenativesdk`);
 * - Python: the PyPI wheel `pulumi-azure-native==<version>` (package `pulumi_azure_native`, module
 *   `pulumi_azure_native.containerservice`, `pulumi-plugin.json`), checked by generateSchema.ts on every run.
 * The `readme` texts of the real nodejs and python blocks are left out: they shape azure-native's own SDK only.
 */
export function azureNativeLanguage(modules: readonly string[], major: number): Record<string, unknown> {
  const goModule = (module: string) => `github.com/pulumi/pulumi-azure-native-sdk/${module}/v${major}`;
  return {
    csharp: {
      packageReferences: { Pulumi: "3.*", "System.Collections.Immutable": "5.0.0" },
      namespaces: {
        "azure-native": "AzureNative",
        ...Object.fromEntries(modules.map((m) => [m, dotnetNamespace(m)])),
      },
      respectSchemaVersion: true,
    },
    go: {
      importBasePath: `github.com/pulumi/pulumi-azure-native-sdk/v${major}`,
      packageImportAliases: Object.fromEntries(modules.map((m) => [goModule(m), m])),
      importPathPattern: `github.com/pulumi/pulumi-azure-native-sdk/{module}/v${major}`,
      rootPackageName: "pulumiazurenativesdk",
      generateResourceContainerTypes: false,
      disableInputTypeRegistrations: true,
      internalModuleName: "utilities",
      respectSchemaVersion: true,
    },
    java: {
      packages: { "azure-native": "azurenative", ...Object.fromEntries(modules.map((m) => [m, m])) },
    },
    nodejs: { respectSchemaVersion: true },
    python: {
      moduleNameOverrides: Object.fromEntries(modules.map((m) => [m, m])),
      usesIOClasses: true,
      inputTypes: "classes-and-dicts",
      pyproject: { enabled: true },
      respectSchemaVersion: true,
    },
  };
}

/**
 * azure-native's .NET namespace of a module is the module's name as Azure's specifications spell it (`Compute`,
 * `ContainerService`); the token carries it lowercased, so the spelling is a fact per module.
 */
const DOTNET_NAMESPACES: Record<string, string> = { containerservice: "ContainerService" };

function dotnetNamespace(module: string): string {
  const namespace = DOTNET_NAMESPACES[module];
  if (namespace === undefined)
    throw new Error(`the .NET namespace of azure-native's module ${module} is not known: add it here`);
  return namespace;
}
