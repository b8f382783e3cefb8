// Runs the CLI from its TypeScript sources, as bin/aks-trusted-access.js runs the compiled one.
import { main } from "../../../cli/main";

void main(process.argv).then((code) => process.exit(code));
