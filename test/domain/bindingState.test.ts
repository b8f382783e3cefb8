import * as assert from "assert";
import { BindingStateVerdict, judgeBindingState } from "../../domain";

const AGAIN = "so it may not give the access it declares until it is applied again";

// A Trusted Access role binding's provisioningState, as Azure's API defines it: read-only, optional, and one of
// Canceled, Deleting, Failed, Succeeded, Updating.
const cases: { name: string; state: unknown; expected: BindingStateVerdict }[] = [
  { name: "Succeeded is usable", state: "Succeeded", expected: { kind: "usable" } },
  {
    name: "no state at all is usable: the API does not require one",
    state: undefined,
    expected: { kind: "usable" },
  },
  { name: "null, as a JSON null, is no state", state: null, expected: { kind: "usable" } },
  { name: "an empty state is no state", state: "", expected: { kind: "usable" } },
  {
    name: "Failed is unusable",
    state: "Failed",
    expected: { kind: "unusable", state: "Failed", problem: `its last change failed, ${AGAIN}` },
  },
  {
    name: "Canceled is unusable",
    state: "Canceled",
    expected: { kind: "unusable", state: "Canceled", problem: `its last change was canceled, ${AGAIN}` },
  },
  {
    name: "Deleting is unusable",
    state: "Deleting",
    expected: {
      kind: "unusable",
      state: "Deleting",
      problem:
        "Azure is deleting it, so it will give no access: if a service still needs it, create it again once it is gone",
    },
  },
  {
    name: "Updating is a change in progress",
    state: "Updating",
    expected: { kind: "in-progress", state: "Updating" },
  },
  {
    name: "a state in another case is the same state, as ARM compares enum values",
    state: "SUCCEEDED",
    expected: { kind: "usable" },
  },
  {
    name: "a value the API does not define is named, not judged",
    state: "Migrating",
    expected: { kind: "undocumented", state: "Migrating" },
  },
  {
    name: "a value that is not a string is named as JSON",
    state: 3,
    expected: { kind: "undocumented", state: "3" },
  },
];

describe("judgeBindingState", () => {
  for (const c of cases) it(c.name, () => assert.deepStrictEqual(judgeBindingState(c.state), c.expected));
});
