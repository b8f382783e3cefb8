// The package's provider (plugin/packageProvider.ts, compiled in dist/) serving AksCluster beside the floor
// component (floorCluster.ts), in one plugin process, so that the benchmark compares their Constructs on the same
// warm SDK, gRPC server and heap. It is what plugin/componentHost.ts's `hostPackage` does, with one more component
// in the schema (the floor's entry is AksCluster's, so Construct returns the same outputs).
//   node floorHost.js <package root> <engine address>
"use strict";
const path = require("path");

const [root, engineAddress] = process.argv.slice(2);
const dist = (module) => require(path.join(root, "dist", module));
// The floor is TypeScript; transpiled once at start, it runs as plain JavaScript like dist/.
require(path.join(root, "node_modules", "ts-node")).register({
  transpileOnly: true,
  project: path.join(root, "tsconfig.json"),
});
const { FLOOR_TOKEN, FloorCluster } = require("./floorCluster");
const { readBuiltSchema } = dist("plugin/builtSchema");
const { PackageProvider } = dist("plugin/packageProvider");
const { AksCluster, TrustedAccessBindings } = dist("index");
const { main: serveProvider } = require(
  path.join(root, "node_modules", "@pulumi", "pulumi", "provider", "server"),
);

const { schema } = readBuiltSchema(root);
const withFloor = {
  ...schema,
  resources: { ...schema.resources, [FLOOR_TOKEN]: schema.resources["aks-trusted-access:index:AksCluster"] },
};
void serveProvider(new PackageProvider(withFloor, [AksCluster, TrustedAccessBindings, FloorCluster]), [
  engineAddress,
]);
