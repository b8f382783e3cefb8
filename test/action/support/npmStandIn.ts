import * as fs from "fs";
import * as path from "path";
import { CLI_BIN } from "../../support/builtPackage";

export interface NpmStandIn {
  /** Its folder, to put first on PATH. */
  readonly dir: string;
  /** The arguments of each `npm` call, one line each. */
  calls(): string[];
  /** The arguments of each call of the installed `aks-trusted-access`, one array each. */
  cliCalls(): string[][];
}

/**
 * An `npm` for the action's install step that needs no registry: it records its arguments and, for
 * `install --prefix DIR …`, installs an `aks-trusted-access` in DIR/node_modules/.bin that records its arguments
 * and runs this repository's compiled CLI. What it does not prove: that the registry holds the version asked for.
 */
export function makeNpmStandIn(dir: string): NpmStandIn {
  const bin = path.join(dir, "npm-stand-in");
  fs.mkdirSync(bin, { recursive: true });
  const npmLog = path.join(dir, "npm-calls.log");
  const cliLog = path.join(dir, "cli-calls.log");
  fs.writeFileSync(
    path.join(bin, "npm"),
    [
      "#!/usr/bin/env bash",
      "set -eu",
      `echo "$*" >> ${JSON.stringify(npmLog)}`,
      '[ "$1" = install ] || exit 0',
      'prefix=""',
      'while [ $# -gt 0 ]; do if [ "$1" = --prefix ]; then prefix="$2"; fi; shift; done',
      'mkdir -p "$prefix/node_modules/.bin"',
      "cat > \"$prefix/node_modules/.bin/aks-trusted-access\" <<'CLI'",
      "#!/usr/bin/env bash",
      `node -e 'console.log(JSON.stringify(process.argv.slice(1)))' -- "$@" >> ${JSON.stringify(cliLog)}`,
      `exec node ${JSON.stringify(CLI_BIN)} "$@"`,
      "CLI",
      'chmod +x "$prefix/node_modules/.bin/aks-trusted-access"',
    ].join("\n") + "\n",
    { mode: 0o755 },
  );
  const lines = (file: string): string[] =>
    fs.existsSync(file)
      ? fs
          .readFileSync(file, "utf8")
          .split("\n")
          .filter((l) => l !== "")
      : [];
  return {
    dir: bin,
    calls: () => lines(npmLog),
    cliCalls: () => lines(cliLog).map((l) => JSON.parse(l) as string[]),
  };
}
