import * as fs from "fs";
import * as path from "path";
import { RealCliTools } from "./realCliTools";

/**
 * Skips a suite whose stacks are written in another Pulumi language when the CLI's folder has no host for it (a
 * Pulumi install without it, or a CLI cache built before the host was added), saying why; fails it in CI (CI=true),
 * where `npm run pulumi:cli` builds every host of test/realCli/cliBuild. The CLI looks for a language host beside
 * its own executable, so that is where it must be. Call it in a `before` hook, after `requireRealCli`.
 */
export function requireLanguageHost(context: Mocha.Context, tools: RealCliTools, language: string): void {
  const host = path.join(tools.binDir, `pulumi-language-${language}`);
  if (fs.existsSync(host)) return;
  const reason = `${host} is missing: run \`npm run pulumi:cli\`, which builds it, or give a Pulumi CLI with it`;
  if (process.env.CI === "true") throw new Error(reason);
  context.skip();
}
