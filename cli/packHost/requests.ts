import { JavaScriptValue, Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as pb from "@pulumi/pulumi/proto/analyzer_pb";
import { describeValue } from "./describeValue";
import { PackInputError } from "./errors";
import { levelToWire } from "./levels";
import { encodeProperties } from "./propertyEncoding";
import {
  ENFORCEMENT_LEVELS,
  JsonValue,
  PolicyConfig,
  ProviderResource,
  ResourceOptions,
  ResourceToAnalyze,
  StackResource,
  StackSettings,
} from "./types";

/** The Analyze request the engine sends for one resource's inputs. */
export function analyzeRequest(resource: ResourceToAnalyze): pb.AnalyzeRequest {
  checkIdentity(resource, "analyze");
  const req = new pb.AnalyzeRequest()
    .setType(resource.type)
    .setUrn(resource.urn)
    .setName(resource.name)
    .setProperties(encodeProperties(resource.properties, `analyze: resource "${resource.urn}"`))
    .setOptions(resourceOptions(resource.options));
  if (resource.provider) req.setProvider(providerResource(resource.provider));
  return req;
}

/** The AnalyzeStack request: every resource with its parent and dependencies. */
export function analyzeStackRequest(resources: readonly StackResource[]): pb.AnalyzeStackRequest {
  if (!Array.isArray(resources)) {
    throw new PackInputError("analyzeStack: resources must be an array of stack resources");
  }
  return new pb.AnalyzeStackRequest().setResourcesList(resources.map(stackResource));
}

function stackResource(resource: StackResource): pb.AnalyzerResource {
  checkIdentity(resource, "analyzeStack");
  const out = new pb.AnalyzerResource()
    .setType(resource.type)
    .setUrn(resource.urn)
    .setName(resource.name)
    .setProperties(encodeProperties(resource.properties, `analyzeStack: resource "${resource.urn}"`))
    .setOptions(resourceOptions(resource.options))
    .setParent(resource.parent ?? "")
    .setDependenciesList([...(resource.dependencies ?? [])]);
  if (resource.provider) out.setProvider(providerResource(resource.provider));
  const deps = out.getPropertydependenciesMap();
  for (const [property, urns] of Object.entries(resource.propertyDependencies ?? {})) {
    // The CLI leaves out properties without dependencies.
    if (urns.length > 0) deps.set(property, new pb.AnalyzerPropertyDependencies().setUrnsList([...urns]));
  }
  return out;
}

/** Options as the CLI marshals them: always present, with zero timeouts and flags when not set. */
function resourceOptions(options: ResourceOptions = {}): pb.AnalyzerResourceOptions {
  const timeouts = new pb.AnalyzerResourceOptions.CustomTimeouts()
    .setCreate(options.customTimeouts?.create ?? 0)
    .setUpdate(options.customTimeouts?.update ?? 0)
    .setDelete(options.customTimeouts?.delete ?? 0);
  return new pb.AnalyzerResourceOptions()
    .setProtect(options.protect ?? false)
    .setIgnorechangesList([...(options.ignoreChanges ?? [])])
    .setDeletebeforereplace(options.deleteBeforeReplace ?? false)
    .setDeletebeforereplacedefined(options.deleteBeforeReplace !== undefined)
    .setAdditionalsecretoutputsList([...(options.additionalSecretOutputs ?? [])])
    .setAliasesList([...(options.aliases ?? [])])
    .setCustomtimeouts(timeouts)
    .setParent(options.parent ?? "");
}

function providerResource(provider: ProviderResource): pb.AnalyzerProviderResource {
  return new pb.AnalyzerProviderResource()
    .setType(provider.type)
    .setUrn(provider.urn)
    .setName(provider.name)
    .setProperties(encodeProperties(provider.properties, `provider "${provider.urn}"`));
}

/** The Configure request: one entry per policy, its level and properties. */
export function configureRequest(
  config: Readonly<Record<string, PolicyConfig>>,
): pb.ConfigureAnalyzerRequest {
  const req = new pb.ConfigureAnalyzerRequest();
  for (const [policy, entry] of Object.entries(config)) {
    const level: unknown = entry?.enforcementLevel;
    if (!ENFORCEMENT_LEVELS.some((known) => known === level)) {
      throw new PackInputError(
        `configure: policy "${policy}": enforcementLevel ${JSON.stringify(level) ?? "undefined"} is not one of ` +
          `${ENFORCEMENT_LEVELS.map((l) => `"${l}"`).join(", ")}`,
      );
    }
    const properties = entry.properties ?? {};
    checkJson(properties, `configure: policy "${policy}": properties`);
    const wire = new pb.PolicyConfig()
      .setEnforcementlevel(levelToWire(entry.enforcementLevel))
      .setProperties(Struct.fromJavaScript(properties as Record<string, JavaScriptValue>));
    req.getPolicyconfigMap().set(policy, wire);
  }
  return req;
}

/** The ConfigureStack request the CLI sends right after the pack starts. */
export function configureStackRequest(settings: StackSettings): pb.AnalyzerStackConfigureRequest {
  const req = new pb.AnalyzerStackConfigureRequest()
    .setProject(settings.project)
    .setStack(settings.stack)
    .setOrganization(settings.organization ?? "")
    .setDryRun(settings.dryRun ?? true)
    .setConfigSecretKeysList([...(settings.configSecretKeys ?? [])]);
  for (const [key, value] of Object.entries(settings.config ?? {})) req.getConfigMap().set(key, value);
  for (const [key, value] of Object.entries(settings.tags ?? {})) req.getTagsMap().set(key, value);
  return req;
}

function checkIdentity(resource: ResourceToAnalyze, method: string): void {
  for (const field of ["type", "urn", "name"] as const) {
    const value: unknown = resource?.[field];
    if (typeof value !== "string" || value === "") {
      throw new PackInputError(
        `${method}: every resource needs a non-empty string "${field}", got ${JSON.stringify(value) ?? "undefined"}`,
      );
    }
  }
}

/** Config goes to the pack as a JSON Struct: anything else would be dropped or mangled without a word. */
function checkJson(value: unknown, where: string): asserts value is JsonValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number" && Number.isFinite(value)) return;
  if (Array.isArray(value)) {
    value.forEach((item: unknown, i) => checkJson(item, `${where}[${i}]`));
    return;
  }
  const proto: unknown = typeof value === "object" ? Object.getPrototypeOf(value) : undefined;
  if (proto === Object.prototype || proto === null) {
    for (const [key, item] of Object.entries(value as object)) checkJson(item, `${where}.${key}`);
    return;
  }
  throw new PackInputError(
    `${where} is ${describeValue(value)}; it must be JSON (null, boolean, number, string, array, object)`,
  );
}
