// The package served by Pulumi's stock host, as run-plugin would serve it without the package's own host: the
// schema is inferred from the TypeScript sources at the first GetSchema (the "before" of the plugin benchmark).
//   node bench/plugin/stockHost.js <package root> <engine address>
const path = require("path");

const [root, engineAddress] = process.argv.slice(2);
const sdk = (module) => require(path.join(root, "node_modules", "@pulumi", "pulumi", module));
const { componentProviderHost, getPulumiComponents } = sdk("provider/experimental/provider");
process.argv = [process.argv[0], process.argv[1], engineAddress];
void componentProviderHost({
  name: "aks-trusted-access",
  dirname: root,
  components: getPulumiComponents(require(root)),
});
