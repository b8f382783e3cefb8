import * as fs from "fs";
import * as path from "path";
import * as experimental from "@pulumi/pulumi/provider/experimental/provider";
import { main as serveProvider } from "@pulumi/pulumi/provider/server";
import { readBuiltSchema } from "./builtSchema";
import { ComponentClass, PackageProvider } from "./packageProvider";
import { packageRoot } from "./packageRoot";

type HostOptions = experimental.ComponentProviderOptions;

/**
 * Serves this package's components with the schema built into dist/, after checking that dist/ was built from the
 * sources beside it (a `StaleBuildError` stops the plugin before it prints a port, and Pulumi shows the message).
 */
export function hostPackage(options: HostOptions, root: string = packageRoot()): Promise<void> {
  const built = readBuiltSchema(root);
  const provider = new PackageProvider(built.schema, options.components as ComponentClass[]);
  return serveProvider(provider, process.argv.slice(2));
}

/**
 * In a plugin process, puts `hostPackage` in place of the SDK's `componentProviderHost`, which run-plugin calls
 * once it has loaded the package: the stock host would infer the schema from the TypeScript sources at the first
 * `GetSchema` or `Construct` (seconds, at every `pulumi package add` and preview). Another package run by the
 * same runner keeps the stock host.
 */
export function takeOverComponentHost(root: string = packageRoot()): void {
  const host = experimental as { componentProviderHost: (options: HostOptions) => Promise<void> };
  const stock = host.componentProviderHost;
  host.componentProviderHost = (options) =>
    options.dirname !== undefined && samePath(options.dirname, root)
      ? hostPackage(options, root)
      : stock(options);
}

function samePath(a: string, b: string): boolean {
  const real = (p: string) => (fs.existsSync(p) ? fs.realpathSync(p) : path.resolve(p));
  return real(a) === real(b);
}
