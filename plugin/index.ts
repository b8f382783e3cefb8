export { BuiltSchema, StaleBuildError, builtSchemaPath, readBuiltSchema } from "./builtSchema";
export { hostPackage, takeOverComponentHost } from "./componentHost";
export { ComponentClass, PackageProvider } from "./packageProvider";
export { DISPLAY_NAME, PLUGIN_COMPONENTS, PackageSchema, inferPackageSchema } from "./packageSchema";
export { packageRoot } from "./packageRoot";
export { isRunPluginProcess } from "./runPluginProcess";
export { SourceDigest, buildSources, changedSources, digestSources } from "./sourceDigest";
export { writeBuiltSchema } from "./writeBuiltSchema";
