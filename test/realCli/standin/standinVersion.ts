import * as fs from "fs";

/** The azure-native version the stand-in stands in for: the one our SDK registers its resources with. */
export function azureNativeVersion(): string {
  const manifest = require.resolve("@pulumi/azure-native/package.json");
  return (JSON.parse(fs.readFileSync(manifest, "utf8")) as { version: string }).version;
}
