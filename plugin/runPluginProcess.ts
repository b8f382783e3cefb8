import * as path from "path";

/**
 * Whether this process is Pulumi's Node.js plugin runner, `node <pkg>/node_modules/@pulumi/pulumi/cmd/run-plugin
 * <pkg> <engine address>`, as the Node.js language host starts a source-based plugin package.
 */
export function isRunPluginProcess(): boolean {
  const runner = require.main?.filename;
  if (runner === undefined || path.basename(path.dirname(runner)) !== "run-plugin") return false;
  return runner === require.resolve("@pulumi/pulumi/cmd/run-plugin");
}
