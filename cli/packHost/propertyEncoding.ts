import { JavaScriptValue, Struct } from "google-protobuf/google/protobuf/struct_pb";
import { describeValue } from "./describeValue";
import { PackInputError } from "./errors";
import {
  PropertyMap,
  PropertyValue,
  UnknownKind,
  isResourceReference,
  isSecret,
  isUnknown,
} from "./propertyValues";

/**
 * Pulumi's wire encoding of special values (sdk/go/common/resource/plugin/rpc.go, mirrored by
 * @pulumi/pulumi/runtime/rpc and @pulumi/policy/proxy): unknowns are sentinel strings, one per kind.
 */
export const UNKNOWN_SENTINELS: Readonly<Record<UnknownKind, string>> = {
  string: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
  number: "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
  bool: "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
  array: "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
  object: "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
};
/** Key and value that mark an object as a secret: `{ [SIG_KEY]: SECRET_SIG, value }`. */
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/**
 * Encodes properties as the engine does for an analyzer (MarshalProperties with KeepUnknowns, KeepSecrets and
 * SkipInternalKeys): unknowns become sentinels, secrets keep their signature, resource references become their id
 * (or URN), and keys starting with `__` — such as azure-native's `__inputs` — are left out at every depth.
 *
 * @param where names the resource in error messages, e.g. `resource "urn:pulumi:..."`.
 */
export function encodeProperties(props: PropertyMap, where: string): Struct {
  if (!isPlainObject(props)) {
    throw new PackInputError(`${where}: properties must be an object, got ${describeValue(props)}`);
  }
  return Struct.fromJavaScript(encodeMap(props, where, ""));
}

function encodeMap(props: PropertyMap, where: string, path: string): Record<string, JavaScriptValue> {
  const out: Record<string, JavaScriptValue> = {};
  for (const [key, value] of Object.entries(props)) {
    if (key.startsWith("__") || value === undefined) continue;
    out[key] = encodeValue(value, where, path === "" ? key : `${path}.${key}`);
  }
  return out;
}

function encodeValue(value: PropertyValue, where: string, path: string): JavaScriptValue {
  if (
    value === null ||
    typeof value === "string" ||
    typeof value === "boolean" ||
    typeof value === "number"
  ) {
    return value;
  }
  if (isUnknown(value)) return UNKNOWN_SENTINELS[value.kind];
  if (isSecret(value)) return { [SIG_KEY]: SECRET_SIG, value: encodeValue(value.value, where, path) };
  if (isResourceReference(value)) {
    const id = value.id;
    return id === undefined ? value.urn : encodeValue(id, where, path);
  }
  if (Array.isArray(value)) {
    const items: readonly (PropertyValue | undefined)[] = value;
    // An undefined array element is sent as null, as the Pulumi SDKs do.
    return items.map((item, i) => (item === undefined ? null : encodeValue(item, where, `${path}[${i}]`)));
  }
  if (isPlainObject(value)) return encodeMap(value, where, path);
  throw new PackInputError(
    `${where}: property "${path}" is ${describeValue(value)}; a policy pack accepts null, booleans, numbers, ` +
      "strings, arrays, plain objects, unknown(), secret() and resourceReference()",
  );
}

function isPlainObject(value: unknown): value is PropertyMap {
  if (typeof value !== "object" || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
