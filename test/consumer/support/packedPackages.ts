import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO, ensureBuilt } from "../../support/builtPackage";

/** The three packages of this repository, by name, as `npm pack` writes them. */
export type PackedPackages = Readonly<Record<string, string>>;

/** What a copy for packing leaves out: what none of the packages ships or builds from. */
const NOT_PACKED = ["test/", "bench/", "examples/", "docs/", ".ci/", ".github/"];

/**
 * `npm pack` of the three packages (its prepack and postpack included), as a release runs it, into `dest`. It packs
 * a copy of the repository's built packages: the component package's prepack writes its packed package.json in
 * place for the moment of the pack, and other tests read the repository's meanwhile.
 */
export function packPackages(dest: string): PackedPackages {
  ensureBuilt();
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "aks-ta-pack-"));
  try {
    const tracked = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
      cwd: REPO,
      encoding: "utf8",
    })
      .split("\0")
      .filter((file) => file !== "" && !NOT_PACKED.some((dir) => file.startsWith(dir)))
      .filter((file) => fs.existsSync(path.join(REPO, file)));
    for (const file of [...tracked, "dist", "cli/dist", "policypack/dist"]) {
      fs.cpSync(path.join(REPO, file), path.join(copy, file), { recursive: true });
    }
    const packed = execFileSync(
      "npm",
      ["pack", "--workspaces", "--include-workspace-root", "--silent", "--pack-destination", dest],
      { cwd: copy, encoding: "utf8" },
    );
    const tarballs = packed
      .trim()
      .split("\n")
      .filter((line) => line.endsWith(".tgz"));
    return Object.fromEntries(
      tarballs.map((file) => [file.replace(/-\d+\.\d+\.\d+\.tgz$/, ""), path.join(dest, file)]),
    );
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}
