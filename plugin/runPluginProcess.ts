/**
 * Whether this process is Pulumi's Node.js plugin runner, `node <pkg>/node_modules/@pulumi/pulumi/cmd/run-plugin
 * <pkg> <engine address>`, as the Node.js language host starts a source-based plugin package.
 */
export function isRunPluginProcess(): boolean {
  const runner = require.main?.filename;
  return runner !== undefined && runner === require.resolve("@pulumi/pulumi/cmd/run-plugin");
}
