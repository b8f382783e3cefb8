// The stand-in's process: `pulumi-resource-<name> [engine address]`, as the Pulumi CLI starts a resource plugin.
// It serves on a loopback port and prints that port, the handshake every plugin makes.
import { AzureStandin } from "./azureStandin";
import { GenericStandin } from "./genericStandin";
import { pluginIdentity } from "./pluginIdentity";
import { servedSchema } from "./schema/servedSchema";
import { serveStandin } from "./standinServer";

const plugin = pluginIdentity();
const azure = plugin.name === "azure-native";
const provider = azure ? new AzureStandin() : new GenericStandin(plugin.name);
serveStandin(provider, plugin.version, azure ? servedSchema : undefined).then(
  (port) => process.stdout.write(`${port}\n`),
  (err: Error) => {
    process.stderr.write(`${plugin.name} stand-in: could not serve: ${err.message}\n`);
    process.exit(1);
  },
);
