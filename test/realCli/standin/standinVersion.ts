/** The azure-native version the stand-in stands in for: the one our SDK registers its resources with. */
export function azureNativeVersion(): string {
  return (require("@pulumi/azure-native/package.json") as { version: string }).version;
}
