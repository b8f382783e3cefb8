// The azure-native stand-in's process: `pulumi-resource-azure-native [engine address]`, as the Pulumi CLI starts a
// resource plugin. It serves on a loopback port and prints that port, the handshake every plugin makes.
import { AzureStandin } from "./azureStandin";
import { serveStandin } from "./standinServer";
import { azureNativeVersion } from "./standinVersion";

serveStandin(new AzureStandin(), azureNativeVersion()).then(
  (port) => process.stdout.write(`${port}\n`),
  (err: Error) => {
    process.stderr.write(`azure-native stand-in: could not serve: ${err.message}\n`);
    process.exit(1);
  },
);
