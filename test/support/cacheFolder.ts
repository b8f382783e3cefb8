import * as path from "path";

/* eslint-disable @typescript-eslint/no-require-imports -- a plain CommonJS script, which npm scripts run too */
const script = require(path.resolve(__dirname, "..", "..", "scripts", "cache-folder.js")) as {
  cacheFolder(kind: string): string;
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** The machine's cache folder of one kind of thing, outside the repository (scripts/cache-folder.js). */
export const cacheFolder: (kind: string) => string = script.cacheFolder;
