import { DiffKind } from "./propertyDiff";

export type Bag = Record<string, unknown>;

/** An error Azure (or the provider) would return: the CLI shows its message on the resource. */
export class StandinError extends Error {}

export interface CheckResult {
  readonly inputs: Bag;
  readonly failures: { property: string; reason: string }[];
}

export interface DiffResult {
  readonly changes: boolean;
  readonly replaces: string[];
  readonly diffs: string[];
  readonly detailed: Record<string, { kind: DiffKind; replace: boolean }>;
  readonly deleteBeforeReplace: boolean;
}

/** The provider's configuration, from its stack config (`azure-native:subscriptionId`, …). */
export interface StandinConfig {
  readonly subscriptionId: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly location?: string;
}

export const DEFAULT_CONFIG: StandinConfig = {
  subscriptionId: "00000000-0000-0000-0000-000000000000",
  tenantId: "11111111-1111-1111-1111-111111111111",
  clientId: "22222222-2222-2222-2222-222222222222",
};

/** What the gRPC server asks of a stand-in provider. A `diff` of `undefined` leaves the diff to the engine. */
export interface StandinProvider {
  config: StandinConfig;
  check(type: string, name: string, olds: Bag, news: Bag, randomSeed: Uint8Array): CheckResult;
  diff(type: string, oldInputs: Bag, news: Bag): DiffResult | undefined;
  create(type: string, inputs: Bag, preview: boolean): { id: string; outputs: Bag };
  update(type: string, id: string, news: Bag, preview: boolean): Bag;
  read(id: string): { inputs: Bag; outputs: Bag } | undefined;
  delete(id: string): void;
  invoke(token: string): Bag;
}
