import { azureNativeVersion } from "./standinVersion";

/** Which plugin the stand-in process is serving as. */
export interface PluginIdentity {
  readonly name: string;
  readonly version: string;
}

/**
 * The CLI runs a plugin from `$PULUMI_HOME/plugins/resource-<name>-v<version>/pulumi-resource-<name>`; the wrapper
 * passes that path in AZURE_NATIVE_STANDIN_PLUGIN_PATH, so one stand-in can be installed as several plugins (the
 * classic `azure` provider, `azuread`, `tls`, `random`) for programs that use them beside azure-native. Run any
 * other way, it is azure-native at our SDK's version.
 */
export function pluginIdentity(
  pluginPath = process.env.AZURE_NATIVE_STANDIN_PLUGIN_PATH ?? "",
): PluginIdentity {
  const match = /resource-([a-z0-9-]+?)-v(\d+\.\d+\.\d+[^/]*)\/pulumi-resource-[a-z0-9-]+$/.exec(pluginPath);
  return match
    ? { name: match[1], version: match[2] }
    : { name: "azure-native", version: azureNativeVersion() };
}
