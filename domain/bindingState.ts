/**
 * A Trusted Access role binding's `provisioningState` as Azure's API defines it: read-only, not required in a
 * response (Microsoft's own List and Get examples return bindings without it), and one of these values. ARM compares
 * enum values ignoring case.
 */
export const BINDING_STATES = ["Canceled", "Deleting", "Failed", "Succeeded", "Updating"] as const;

/**
 * What a binding's state says about the access it gives:
 * - `usable`: `Succeeded`, or no state at all (a missing state is not a failure);
 * - `unusable`: `Failed`, `Canceled` or `Deleting`, with `problem`, a clause whose subject is the binding;
 * - `in-progress`: `Updating`, a change Azure has not finished: no verdict yet;
 * - `undocumented`: a value the API does not define (a newer API's): named, never judged.
 */
export type BindingStateVerdict =
  | { readonly kind: "usable" }
  | { readonly kind: "unusable"; readonly state: string; readonly problem: string }
  | { readonly kind: "in-progress"; readonly state: string }
  | { readonly kind: "undocumented"; readonly state: string };

const UNUSABLE: Readonly<Record<string, string>> = {
  failed: "its last change failed, so it may not give the access it declares until it is applied again",
  canceled:
    "its last change was canceled, so it may not give the access it declares until it is applied again",
  deleting:
    "Azure is deleting it, so it will give no access: if a service still needs it, create it again once it is gone",
};

export function judgeBindingState(state: unknown): BindingStateVerdict {
  if (state === undefined || state === null || state === "") return { kind: "usable" };
  const text = typeof state === "string" ? state : JSON.stringify(state);
  const known = BINDING_STATES.find((s) => s.toLowerCase() === text.toLowerCase());
  if (known === undefined) return { kind: "undocumented", state: text };
  if (known === "Succeeded") return { kind: "usable" };
  if (known === "Updating") return { kind: "in-progress", state: text };
  return { kind: "unusable", state: text, problem: UNUSABLE[known.toLowerCase()] };
}
