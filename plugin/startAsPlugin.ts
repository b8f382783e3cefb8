/**
 * Imported by the package's entry for this side effect alone: in a Pulumi plugin process, serve the schema built
 * into dist/ (see componentHost.ts). Anywhere else it does nothing and loads nothing more.
 */
import { isRunPluginProcess } from "./runPluginProcess";

if (isRunPluginProcess()) {
  // Required here, not imported above: the host loads the SDK's provider machinery and, with it, TypeScript,
  // which a stack that merely uses the components must not pay for.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  (require("./componentHost") as typeof import("./componentHost")).takeOverComponentHost();
}
