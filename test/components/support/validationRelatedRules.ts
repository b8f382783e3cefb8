/**
 * The four forms every argument check of the related AKS rules is tested in: a plain value (thrown before any
 * child), a known Output (failing the input it holds back, with the same message), a known Output during preview
 * (the same), and an Output unknown during preview (let through, the input unknown).
 */
import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import type { AksClusterArgs } from "../../../components";
import { clusterArgs } from "./fixtures";
import { ProgramRun, UNKNOWN_INPUT, notYetCreated, runProgram } from "./harness";
import { assertRefusedBeforeChildren, failureMessages } from "./validation";

export const PREFIX = 'AksCluster "prod": ';

export interface FourFormCase {
  readonly name: string;
  /** The arguments with the value the case is about replaced by `replace(value)`. */
  readonly args: (replace: (value: unknown) => unknown) => Partial<AksClusterArgs>;
  /** The child resource whose input the check holds back: its type and name. */
  readonly type: string;
  readonly resource: string;
  /** That input, as Pulumi names it when the registration fails. */
  readonly input: string;
  /** The message after the component's prefix. */
  readonly message: string;
}

const run = (change: Partial<AksClusterArgs>, preview = false): Promise<ProgramRun<unknown>> =>
  runProgram(({ AksCluster }) => new AksCluster("prod", clusterArgs(change)), { preview });

const registered = (result: ProgramRun<unknown>, c: FourFormCase) =>
  result.registrations.filter((r) => r.type === c.type && r.name === c.resource);

export function fourFormTests(cases: readonly FourFormCase[]): void {
  for (const c of cases) {
    it(`${c.name}, before registering any child`, async () => {
      const result = await run(c.args((v) => v));
      assertRefusedBeforeChildren(result, PREFIX + c.message);
    });

    it(`${c.name}, given as an Output, failing that resource with the same message`, async () => {
      const result = await run(c.args((v) => pulumi.output(v)));
      assert.strictEqual(result.thrown, undefined);
      assert.deepStrictEqual(failureMessages(result), [
        `error serializing property "${c.input}": ${PREFIX}${c.message}`,
      ]);
      assert.deepStrictEqual(registered(result, c), []);
    });

    it(`${c.name}, given as an Output known during preview`, async () => {
      const result = await run(
        c.args((v) => pulumi.output(v)),
        true,
      );
      assert.deepStrictEqual(failureMessages(result), [
        `error serializing property "${c.input}": ${PREFIX}${c.message}`,
      ]);
    });

    it(`lets the value through while it is unknown during preview (${c.name.replace("rejects ", "")})`, async () => {
      const result = await run(
        c.args(() => notYetCreated("later")),
        true,
      );
      assert.strictEqual(result.thrown, undefined);
      assert.deepStrictEqual(result.failures, []);
      const [resource] = registered(result, c);
      assert.ok(resource, `${c.resource} was not registered`);
      assert.strictEqual(resource.inputs[c.input], UNKNOWN_INPUT);
    });
  }
}
