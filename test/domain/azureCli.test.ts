import * as assert from "assert";
import { execFileSync } from "child_process";
import { azureCliCommand, shellWord } from "../../domain";

const TEMPLATE =
  "az aks nodepool update --resource-group <group> --cluster-name <cluster> --name <pool> --enable-fips-image";

/** The words a POSIX shell makes of a command line: the command run with `printf` in place of `az`. */
function shellWords(command: string): string[] {
  assert.ok(command.startsWith("az "), command);
  const script = `printf '%s\\n' ${command.slice("az ".length)}`;
  return execFileSync("/bin/sh", ["-c", script], { encoding: "utf8" }).split("\n").slice(0, -1);
}

describe("shellWord", () => {
  const cases: [string, string][] = [
    ["rg-prod", "rg-prod"],
    ["rg.prod_1", "rg.prod_1"],
    ["rg(prod)", "'rg(prod)'"],
    ["it's", "'it'\\''s'"],
    ["a b", "'a b'"],
    ["$HOME", "'$HOME'"],
  ];
  for (const [input, expected] of cases) {
    it(`writes ${JSON.stringify(input)} as ${expected}`, () => assert.equal(shellWord(input), expected));
  }
});

describe("azureCliCommand", () => {
  it("fills in the placeholders it has values for and keeps the others", () => {
    assert.equal(
      azureCliCommand(TEMPLATE, { resourceGroup: "rg-aks", cluster: "aks-prod" }),
      "az aks nodepool update --resource-group rg-aks --cluster-name aks-prod --name <pool> --enable-fips-image",
    );
    assert.equal(azureCliCommand(TEMPLATE, { resourceGroup: "", pool: undefined }), TEMPLATE);
  });

  it("puts the subscription before the command's options", () => {
    assert.equal(
      azureCliCommand("az aks update --resource-group <group> --name <cluster> --enable-private-cluster", {
        subscription: "00000000-0000-0000-0000-000000000001",
        resourceGroup: "rg-aks",
        cluster: "aks-prod",
      }),
      "az aks update --subscription 00000000-0000-0000-0000-000000000001 --resource-group rg-aks --name aks-prod " +
        "--enable-private-cluster",
    );
  });

  it("joins roles with commas into one word", () => {
    assert.equal(
      azureCliCommand("az x --roles <role>[,<role>...]", { roles: ["A/b/c", "A/b/d"] }),
      "az x --roles A/b/c,A/b/d",
    );
  });

  it("never fills in a value that looks like a placeholder a second time", () => {
    assert.equal(
      azureCliCommand(TEMPLATE, { resourceGroup: "<cluster>", cluster: "aks" }),
      "az aks nodepool update --resource-group '<cluster>' --cluster-name aks --name <pool> --enable-fips-image",
    );
  });

  it("gives the shell back each name as it was: spaces, quotes, parentheses and $ included", () => {
    const values = {
      subscription: "sub one",
      resourceGroup: `rg (it's "prod")`,
      cluster: "$HOME",
      pool: "a\\b",
    };
    assert.deepEqual(shellWords(azureCliCommand(TEMPLATE, values)), [
      "aks",
      "nodepool",
      "update",
      "--subscription",
      "sub one",
      "--resource-group",
      `rg (it's "prod")`,
      "--cluster-name",
      "$HOME",
      "--name",
      "a\\b",
      "--enable-fips-image",
    ]);
  });
});
