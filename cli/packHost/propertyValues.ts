/**
 * The values a resource's properties can hold on their way to a policy pack: plain JSON, plus the three things a
 * Pulumi engine sends that JSON cannot say — a value not known yet, a secret, and a reference to another resource.
 */

/** The primitive type an unknown value would have had; the pack's message names it ("string value at .x ..."). */
export type UnknownKind = "string" | "number" | "bool" | "array" | "object";

/** A value that is not known until the resource is created (a preview of a computed value). */
export interface UnknownValue {
  readonly kind: UnknownKind;
}

/** A value marked secret. The pack sees the value itself, as under `pulumi preview`. */
export interface SecretValue {
  readonly value: PropertyValue;
}

/**
 * A reference to another resource. The engine does not keep resource references for analyzers: it sends the
 * resource's id when it has one (an unknown id stays unknown), otherwise its URN (a component resource).
 */
export interface ResourceReference {
  readonly urn: string;
  /** The resource's id; `undefined` for a component resource. */
  readonly id?: string | UnknownValue;
}

const unknownMarker = Symbol("packHost.unknown");
const secretMarker = Symbol("packHost.secret");
const referenceMarker = Symbol("packHost.resourceReference");

/** Marker objects are built only here, so a property bag that happens to hold `{kind: "string"}` stays data. */
type Marked<T> = T & { readonly [key: symbol]: true };

export type PropertyValue =
  | null
  | boolean
  | number
  | string
  | UnknownValue
  | SecretValue
  | ResourceReference
  | readonly PropertyValue[]
  | PropertyMap;

/** A resource's properties. Keys with `undefined` values are left out, as the Pulumi SDKs do. */
export interface PropertyMap {
  readonly [key: string]: PropertyValue | undefined;
}

/** A value unknown during preview, of the given kind (default `"string"`, what the Node.js SDK sends). */
export function unknown(kind: UnknownKind = "string"): UnknownValue {
  return Object.freeze({ kind, [unknownMarker]: true }) as Marked<UnknownValue>;
}

/** Marks a value secret. */
export function secret(value: PropertyValue): SecretValue {
  return Object.freeze({ value, [secretMarker]: true }) as Marked<SecretValue>;
}

/** A reference to another resource (see {@link ResourceReference} for what the pack receives). */
export function resourceReference(urn: string, id?: string | UnknownValue): ResourceReference {
  const ref = id === undefined ? { urn } : { urn, id };
  return Object.freeze({ ...ref, [referenceMarker]: true }) as Marked<ResourceReference>;
}

export function isUnknown(value: unknown): value is UnknownValue {
  return hasMarker(value, unknownMarker);
}

export function isSecret(value: unknown): value is SecretValue {
  return hasMarker(value, secretMarker);
}

export function isResourceReference(value: unknown): value is ResourceReference {
  return hasMarker(value, referenceMarker);
}

function hasMarker(value: unknown, marker: symbol): boolean {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[marker] === true;
}
