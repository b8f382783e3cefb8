/** Property values as the engine puts them on the wire for a provider that accepts secrets and output values. */
import {
  specialOutputValueSig,
  specialSecretSig,
  specialSigKey,
  unknownValue,
} from "@pulumi/pulumi/runtime/rpc";

export const UNKNOWN = unknownValue;

export function secret(value: unknown): Record<string, unknown> {
  return { [specialSigKey]: specialSecretSig, value };
}

/** Another resource's output: unknown when `value` is left out (a preview of a resource not created yet). */
export function outputValue(options: { value?: unknown; secret?: boolean; dependencies: string[] }) {
  return {
    [specialSigKey]: specialOutputValueSig,
    ...(options.value === undefined ? {} : { value: options.value }),
    ...(options.secret ? { secret: true } : {}),
    dependencies: options.dependencies,
  };
}

/** Whether a registered input arrived as a secret (a secret wire value, or an output value marked secret). */
export function isSecretOnWire(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return false;
  const wire = value as Record<string, unknown>;
  return (
    wire[specialSigKey] === specialSecretSig ||
    (wire[specialSigKey] === specialOutputValueSig && wire.secret === true)
  );
}
