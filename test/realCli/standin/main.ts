// The stand-in's process: `pulumi-resource-<name> [engine address]`, as the Pulumi CLI starts a resource plugin.
// It serves on a loopback port and prints that port, the handshake every plugin makes.
import { AzureStandin } from "./azureStandin";
import { GenericStandin } from "./genericStandin";
import { pluginIdentity } from "./pluginIdentity";
import { serveStandin } from "./standinServer";

const plugin = pluginIdentity();
const provider = plugin.name === "azure-native" ? new AzureStandin() : new GenericStandin(plugin.name);
serveStandin(provider, plugin.version).then(
  (port) => process.stdout.write(`${port}\n`),
  (err: Error) => {
    process.stderr.write(`${plugin.name} stand-in: could not serve: ${err.message}\n`);
    process.exit(1);
  },
);
