// The benchmark's fake Resource Manager, in a process of its own so that serving 1,000 requests does not take
// CPU from the audit being measured. Reads its setup from the JSON file named by argv[2], prints its URL,
// and stops when its stdin closes.
import { readFileSync } from "node:fs";
import type { FakeArmSetup } from "../test/audit/support/fakeArm/estate";
import { startFakeArm } from "../test/audit/support/fakeArm/server";

interface ServerInput {
  readonly setup: FakeArmSetup;
  readonly certPath: string;
  readonly keyPath: string;
}

const input = JSON.parse(readFileSync(process.argv[2], "utf8")) as ServerInput;
void startFakeArm(input.setup, {
  cert: readFileSync(input.certPath, "utf8"),
  key: readFileSync(input.keyPath, "utf8"),
}).then((arm) => {
  process.stdout.write(`${arm.url}\n`);
  process.stdin.resume().on("end", () => void arm.close().then(() => process.exit(0)));
});
