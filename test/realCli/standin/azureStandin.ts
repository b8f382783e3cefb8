import { randomBytes } from "crypto";
import { isDeepStrictEqual } from "util";
import { azureNativeNaming, uuidFrom } from "../../../cli/check/program/azureNativeAutonames";
import { azureNativeInputLookup } from "../../../cli/check/program/azureNativeSdkInputs";
import { UNKNOWN_SENTINELS } from "../../../cli/packHost/propertyEncoding";
import { ArmType, armId, armResourceType, armType, pathParameters } from "./armTypes";
import { azureRefusal } from "./azureRefusals";
import { responseProperties } from "./responseProperties";
import { diffInputs } from "./propertyDiff";
import { StandinState } from "./standinState";
import {
  Bag,
  CheckResult,
  DEFAULT_CONFIG,
  DiffResult,
  StandinConfig,
  StandinError,
  StandinProvider,
} from "./standinProvider";

/** An input the provider added itself: the resource was named by the provider, so it can be replaced create-first. */
const AUTONAMED = "__createBeforeDelete";
/** azure-native keeps a resource's inputs in its outputs under this key. */
const INPUTS = "__inputs";
const UNKNOWN = UNKNOWN_SENTINELS.string;
const SENTINELS = new Set<unknown>(Object.values(UNKNOWN_SENTINELS));

/**
 * The part of azure-native that the engine's behaviour depends on, over a fake Azure kept in {@link StandinState}:
 * Check fills the name and location a resource leaves out, Diff says which changes replace (the URL's path
 * parameters and `location`), Create gives ARM ids and the outputs only Azure knows (unknown in preview), and
 * Create and Update refuse what Azure refuses where we know the rule (azureRefusals.ts).
 *
 * It cannot know Azure's own validation of each property, quotas, regions, or the real role catalog.
 */
export class AzureStandin implements StandinProvider {
  config: StandinConfig = DEFAULT_CONFIG;
  private readonly declaresInput = azureNativeInputLookup(__dirname);

  constructor(readonly state: StandinState = new StandinState()) {}

  check(type: string, name: string, olds: Bag, news: Bag, randomSeed: Uint8Array): CheckResult {
    const row = armType(type);
    if (typeof row === "string") return { inputs: news, failures: [{ property: "", reason: row }] };
    const inputs: Bag = { ...news };
    const naming = azureNativeNaming(type, this.declaresInput);
    if (naming !== undefined && inputs[naming.property] === undefined) {
      // An update keeps the name the provider chose at creation.
      const kept = olds[AUTONAMED] === true ? olds[naming.property] : undefined;
      inputs[naming.property] = kept ?? autoname(name, naming.uuid, randomSeed);
      inputs[AUTONAMED] = true;
    }
    if (row.located && inputs.location === undefined) {
      const location = this.groupLocation(inputs) ?? this.config.location;
      if (location !== undefined) inputs.location = location;
    }
    return { inputs, failures: [] };
  }

  diff(type: string, oldInputs: Bag, news: Bag): DiffResult {
    const row = this.row(type);
    const replaceKeys = new Set([...pathParameters(row), ...(row.located ? ["location"] : [])]);
    const { keys, detailed } = diffInputs(oldInputs, news, (key, a, b) =>
      key === "location" && typeof a === "string" && typeof b === "string"
        ? normalizeLocation(a) === normalizeLocation(b)
        : isDeepStrictEqual(a, b),
    );
    const replaces = keys.filter((k) => replaceKeys.has(k));
    const byPath = Object.fromEntries(
      Object.entries(detailed).map(([path, kind]) => [
        path,
        { kind, replace: replaceKeys.has(topKey(path)) },
      ]),
    );
    return {
      changes: keys.length > 0,
      replaces,
      diffs: keys,
      detailed: byPath,
      deleteBeforeReplace: replaces.length > 0 && news[AUTONAMED] !== true,
    };
  }

  create(type: string, inputs: Bag, preview: boolean): { id: string; outputs: Bag } {
    const row = this.row(type);
    if (preview) return { id: "", outputs: previewOutputs(type, inputs) };
    const id = this.requireId(row, inputs);
    if (row.located && typeof inputs.location !== "string") {
      throw new StandinError(`(LocationRequired) ${id}: the resource needs a location`);
    }
    const refusal = azureRefusal(this.state, type, id, inputs, undefined);
    if (refusal !== undefined) throw new StandinError(refusal);
    const outputs = this.outputs(type, row, inputs, id);
    this.state.put(id, { type, inputs, outputs });
    return { id, outputs };
  }

  update(type: string, id: string, news: Bag, preview: boolean): Bag {
    const row = this.row(type);
    const stored = this.state.get(id);
    if (preview) {
      return { ...this.outputs(type, row, news, id), ...knownComputed(stored?.outputs) };
    }
    if (stored === undefined) throw new StandinError(`(ResourceNotFound) ${id} does not exist`);
    const refusal = azureRefusal(this.state, type, id, news, stored);
    if (refusal !== undefined) throw new StandinError(refusal);
    const outputs = { ...this.outputs(type, row, news, id), ...knownComputed(stored.outputs) };
    this.state.put(id, { type, inputs: news, outputs });
    return outputs;
  }

  read(id: string): { inputs: Bag; outputs: Bag } | undefined {
    const stored = this.state.get(id);
    return stored === undefined ? undefined : { inputs: stored.inputs, outputs: stored.outputs };
  }

  delete(id: string): void {
    this.state.delete(id);
  }

  invoke(token: string): Bag {
    if (/^azure-native:authorization(\/v[0-9a-z]+)?:getClientConfig$/.test(token)) {
      const { clientId, subscriptionId, tenantId } = this.config;
      return { clientId, objectId: uuidFrom(`object:${clientId}`), subscriptionId, tenantId };
    }
    throw new StandinError(`the azure-native stand-in does not implement the function ${token}`);
  }

  private row(type: string): ArmType {
    const row = armType(type);
    if (typeof row === "string") throw new StandinError(row);
    return row;
  }

  private requireId(row: ArmType, inputs: Bag): string {
    const missing = pathParameters(row).filter(
      (p) => typeof inputs[p] !== "string" || SENTINELS.has(inputs[p]),
    );
    if (missing.length > 0) {
      throw new StandinError(
        `(InvalidRequest) the URL needs ${missing.join(", ")}, which the inputs do not give`,
      );
    }
    return armId(row, inputs, this.config.subscriptionId);
  }

  private groupLocation(inputs: Bag): string | undefined {
    const group = inputs.resourceGroupName;
    if (typeof group !== "string" || SENTINELS.has(group)) return undefined;
    const stored = this.state.get(`/subscriptions/${this.config.subscriptionId}/resourceGroups/${group}`);
    const location = stored?.inputs.location;
    return typeof location === "string" ? location : undefined;
  }

  /**
   * azure-native's outputs: the inputs without the URL's path parameters, the resource's `name` and ARM `type`,
   * what only Azure knows, and the inputs kept under `__inputs`.
   */
  private outputs(type: string, row: ArmType, inputs: Bag, id: string): Bag {
    const params = pathParameters(row);
    const own = Object.fromEntries(
      Object.entries(inputs).filter(([k]) => !params.includes(k) && !k.startsWith("__")),
    );
    const lastParam = params[params.length - 1];
    return {
      ...own,
      name: inputs[lastParam],
      type: armResourceType(row),
      ...azureComputed(type, own, id, this.config.tenantId),
      [INPUTS]: inputs,
    };
  }
}

/**
 * What azure-native's preview of a new resource gives (its `PreviewOutputs`): every property of the type's ARM
 * response, the input's value where the program gave one, unknown where it did not — `name`, `type` and the
 * resource group included, which are path parameters, not response properties. Inside an object the program gave,
 * the stand-in keeps the fields given and marks unknown only those our code reads that Azure computes (a cluster
 * identity's principal); azure-native marks every response field left out.
 */
function previewOutputs(type: string, inputs: Bag): Bag {
  const names = responseProperties(type) ?? Object.keys(inputs).filter((k) => !k.startsWith("__"));
  const outputs: Bag = {};
  for (const name of names) outputs[name] = name in inputs ? inputs[name] : UNKNOWN;
  const identity = outputs.identity;
  if (typeof identity === "object" && identity !== null) {
    outputs.identity = { ...identity, principalId: UNKNOWN, tenantId: UNKNOWN };
  }
  return outputs;
}

/** The outputs only Azure knows, for the types whose outputs our code and its users read. */
function azureComputed(type: string, own: Bag, id: string, tenantId: string): Bag {
  const computed: Bag = { provisioningState: "Succeeded" };
  if (/:ManagedCluster$/.test(type)) {
    const identity = own.identity as Bag | undefined;
    if (typeof identity?.type === "string" && identity.type.includes("SystemAssigned")) {
      computed.identity = {
        ...identity,
        principalId: uuidFrom(`${id}:principal`),
        tenantId: tenantId,
      };
    }
    const profile = own.apiServerAccessProfile as Bag | undefined;
    const dnsName = `${String(own.dnsPrefix ?? "aks")}-${uuidFrom(id).slice(0, 8)}`;
    if (profile?.enablePrivateCluster === true) {
      computed.privateFQDN = `${dnsName}.privatelink.${String(own.location)}.azmk8s.io`;
    } else {
      computed.fqdn = `${dnsName}.hcp.${String(own.location)}.azmk8s.io`;
    }
    computed.powerState = { code: "Running" };
  }
  return computed;
}

/** The computed outputs of a stored resource that an update keeps (ids, principals, states). */
function knownComputed(outputs: Bag | undefined): Bag {
  if (outputs === undefined) return {};
  const kept: Bag = {};
  for (const key of ["provisioningState", "fqdn", "privateFQDN", "powerState"]) {
    if (key in outputs) kept[key] = outputs[key];
  }
  return kept;
}

function autoname(name: string, uuid: boolean, randomSeed: Uint8Array): string {
  const seed =
    randomSeed.length > 0 ? Buffer.from(randomSeed).toString("hex") : randomBytes(16).toString("hex");
  return uuid ? uuidFrom(`${name}:${seed}`) : `${name}${uuidFrom(`${name}:${seed}`).slice(0, 8)}`;
}

function normalizeLocation(location: string): string {
  return location.replace(/\s+/g, "").toLowerCase();
}

function topKey(path: string): string {
  return /^[^.[]+/.exec(path)?.[0] ?? path;
}
