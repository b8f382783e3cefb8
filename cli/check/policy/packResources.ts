import {
  PropertyMap,
  PropertyValue,
  ResourceOptions,
  ResourceToAnalyze,
  StackResource,
  UnknownKind,
  UnknownValue,
  resourceReference,
  secret,
  unknown,
} from "../../packHost";
import { RecordedResource, WireMap, WireValue } from "../program/recordedStack";

/** Pulumi's wire signatures (sdk/nodejs/runtime/rpc.ts). */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const UNKNOWNS: Readonly<Record<string, UnknownKind>> = {
  "04da6b54-80e4-46f7-96ec-b56ff0331ba9": "string",
  "3eeb2bf0-c639-47a8-9e75-3b44932eb421": "number",
  "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7": "bool",
  "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2": "array",
  "dd056dcd-154b-4c76-9bd3-c8f88648b5ff": "object",
};

/** A resource as the engine sends it to Analyze: its inputs after Check. */
export function toAnalyzeRequest(resource: RecordedResource): ResourceToAnalyze {
  return {
    type: resource.type,
    urn: resource.urn,
    name: resource.name,
    properties: toProperties(resource.inputs),
    options: options(resource),
  };
}

/**
 * A resource as the engine holds it at the end of a preview of a new stack, for AnalyzeStack: a custom resource's
 * state is its inputs with unknowns (nothing exists yet to have outputs); a component's is what it registered with
 * `registerOutputs`, else its inputs.
 */
export function toStackResource(resource: RecordedResource): StackResource {
  const state = resource.custom ? resource.inputs : (resource.outputs ?? resource.inputs);
  return {
    ...toAnalyzeRequest(resource),
    properties: toProperties(state),
    ...(resource.parent === undefined ? {} : { parent: resource.parent }),
    dependencies: resource.dependencies,
    propertyDependencies: resource.propertyDependencies,
  };
}

function options(resource: RecordedResource): ResourceOptions {
  const o = resource.options;
  return {
    ...(resource.parent === undefined ? {} : { parent: resource.parent }),
    protect: o.protect,
    ignoreChanges: o.ignoreChanges,
    ...(o.deleteBeforeReplace === undefined ? {} : { deleteBeforeReplace: o.deleteBeforeReplace }),
    additionalSecretOutputs: o.additionalSecretOutputs,
    aliases: o.aliases,
    ...(o.customTimeouts === undefined ? {} : { customTimeouts: o.customTimeouts }),
  };
}

/** Wire values (sentinels and signatures) to the pack host's typed values. */
export function toProperties(map: WireMap): PropertyMap {
  return Object.fromEntries(Object.entries(map).map(([k, v]) => [k, toValue(v)]));
}

function toValue(value: WireValue): PropertyValue {
  if (typeof value === "string") {
    const kind = UNKNOWNS[value];
    return kind === undefined ? value : unknown(kind);
  }
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(toValue);
  const map = value as WireMap;
  if (map[SIG_KEY] === SECRET_SIG) return secret(toValue(map["value"] ?? null));
  if (map[SIG_KEY] === RESOURCE_SIG && typeof map["urn"] === "string") {
    const id = map["id"];
    return resourceReference(
      map["urn"],
      typeof id === "string" ? (toValue(id) as string | UnknownValue) : undefined,
    );
  }
  return toProperties(map);
}
