// The CLI as `bin/aks-trusted-access.js` runs it, from source (the tests start it with ts-node).
import { main } from "../../../cli/main";

main(process.argv).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`${String(err)}\n`);
    process.exit(70);
  },
);
