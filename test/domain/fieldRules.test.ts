import * as assert from "assert";
import {
  TrustedAccessRole,
  UNKNOWN,
  checkAgainstEarlierBindings,
  checkBindingName,
  checkRoles,
  checkRolesFitSource,
  checkSourceResourceId,
} from "../../domain";

const WORKSPACE =
  "/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/ml/providers/" +
  "Microsoft.MachineLearningServices/workspaces/ws";
const VAULT =
  "/subscriptions/00000000-0000-0000-0000-00000000000a/resourceGroups/bk/providers/" +
  "Microsoft.DataProtection/backupVaults/v";

/** The three outcomes of a field rule, as FieldCheck states them. */
function verdict(check: { errors: string[]; value?: unknown }): "pass" | "fail" | "unknown" {
  if (check.errors.length > 0) return "fail";
  return check.value === undefined ? "unknown" : "pass";
}

describe("the binding's field rules, one per field", () => {
  it("give a verdict of pass, fail or unknown for each field on its own", () => {
    assert.strictEqual(verdict(checkBindingName("b", "name", "ml")), "pass");
    assert.strictEqual(verdict(checkBindingName("b", "name", "ml_1")), "fail");
    assert.strictEqual(verdict(checkBindingName("b", "name", UNKNOWN)), "unknown");
    assert.strictEqual(verdict(checkRoles("b", [TrustedAccessRole.MachineLearningWorkload])), "pass");
    assert.strictEqual(verdict(checkRoles("b", [])), "fail");
    assert.strictEqual(
      verdict(checkRoles("b", [TrustedAccessRole.MachineLearningWorkload, UNKNOWN])),
      "unknown",
    );
    assert.strictEqual(verdict(checkSourceResourceId("b", WORKSPACE)), "pass");
    assert.strictEqual(verdict(checkSourceResourceId("b", "not-an-id")), "fail");
    assert.strictEqual(verdict(checkSourceResourceId("b", UNKNOWN)), "unknown");
  });

  it("judge roles against the source only when both are known and parsed", () => {
    const roles = checkRoles("b", [TrustedAccessRole.MachineLearningWorkload]).value;
    assert.deepStrictEqual(checkRolesFitSource("b", roles, undefined), { errors: [], warnings: [] });
    assert.deepStrictEqual(checkRolesFitSource("b", roles, checkSourceResourceId("b", WORKSPACE).value), {
      errors: [],
      warnings: [],
    });
    const misfit = checkRolesFitSource("b", roles, checkSourceResourceId("b", VAULT).value);
    assert.strictEqual(misfit.errors.length, 1);
    assert.match(
      misfit.errors[0],
      /^b\.sourceResourceId ".*backupVaults\/v" is a "Microsoft\.DataProtection/,
    );
  });

  it("report a taken name or source on the later binding only, and nothing for unknown values", () => {
    const first = { label: "a", name: "ml", sourceResourceId: WORKSPACE };
    assert.deepStrictEqual(checkAgainstEarlierBindings([], first), { errors: [], warnings: [] });
    const again = checkAgainstEarlierBindings([first], {
      label: "b",
      name: "ML",
      sourceResourceId: WORKSPACE,
    });
    assert.deepStrictEqual(again.errors, [
      'b.name "ML" is also the name of a: binding names are unique per cluster, ignoring case, so rename one of them.',
      `b.sourceResourceId "${WORKSPACE}" is also the source of a: give each source one binding that lists all ` +
        "its roles.",
    ]);
    const unknown = { label: "b", name: UNKNOWN, sourceResourceId: UNKNOWN };
    assert.deepStrictEqual(checkAgainstEarlierBindings([first], unknown), { errors: [], warnings: [] });
  });
});
