import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT } from "./support/pluginProcess";

const PYTHON_PROGRAM = path.join(ROOT, "examples", "python", "__main__.py");

// What this proves: the Python example is valid Python 3 that imports the module the generated SDK is named
// (pulumi_aks_trusted_access). It does not generate the SDK or run the program: no Pulumi CLI here.
describe("examples/python", () => {
  it("compiles with python3", () => {
    const cfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "aks-ta-py-")), "main.pyc");
    execFileSync("python3", [
      "-c",
      "import py_compile, sys; py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)",
      PYTHON_PROGRAM,
      cfile,
    ]);
    assert.ok(fs.existsSync(cfile));
  });

  it("imports the SDK `pulumi package add` generates and uses both upgrade-channel enums", () => {
    const program = fs.readFileSync(PYTHON_PROGRAM, "utf8");
    assert.match(program, /^import pulumi_aks_trusted_access as aks$/m);
    assert.match(program, /pulumi package add \.\.\/\.\./);
    assert.match(program, /aks\.KubernetesUpgradeChannel\.STABLE/);
    assert.match(program, /aks\.NodeOsUpgradeChannel\.NODE_IMAGE/);
  });
});
