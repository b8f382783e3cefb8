import * as fs from "fs";
import * as path from "path";

/** A whole expected output of `check`, kept in test/check/expected/ (reviewed by hand, never written by the tests). */
export function expected(name: string): string {
  return fs.readFileSync(path.join(__dirname, "..", "expected", name), "utf8");
}
