import { randomUUID } from "crypto";
import { uuidFrom } from "../../../cli/check/program/azureNativeAutonames";
import {
  Bag,
  CheckResult,
  DEFAULT_CONFIG,
  StandinConfig,
  StandinError,
  StandinProvider,
} from "./standinProvider";
import { StandinState } from "./standinState";

/** Functions that tell a program who runs it, in the providers programs use beside azure-native. */
const CLIENT_CONFIG = /^(azure:core\/getClientConfig|azuread:index\/getClientConfig):getClientConfig$/;

/**
 * A provider that knows nothing of its resources' rules: the stand-in installed as the classic `azure` provider,
 * `azuread`, `tls` or `random`, so that a program using them beside azure-native runs under the real CLI. Its Check
 * accepts the inputs, its Diff leaves the diff to the engine, and a resource's outputs are its inputs: what such a
 * provider computes (a key, a password, an application id) is unknown in preview and absent after `up`.
 */
export class GenericStandin implements StandinProvider {
  config: StandinConfig = DEFAULT_CONFIG;

  constructor(
    readonly name: string,
    readonly state: StandinState = new StandinState(),
  ) {}

  check(_type: string, _name: string, _olds: Bag, news: Bag): CheckResult {
    return { inputs: news, failures: [] };
  }

  diff(): undefined {
    return undefined;
  }

  create(type: string, inputs: Bag, preview: boolean): { id: string; outputs: Bag } {
    if (preview) return { id: "", outputs: inputs };
    const id = `${this.name}:${type}:${randomUUID()}`;
    this.state.put(id, { type, inputs, outputs: inputs });
    return { id, outputs: inputs };
  }

  update(type: string, id: string, news: Bag, preview: boolean): Bag {
    if (!preview) this.state.put(id, { type, inputs: news, outputs: news });
    return news;
  }

  read(id: string): { inputs: Bag; outputs: Bag } | undefined {
    return this.state.get(id);
  }

  delete(id: string): void {
    this.state.delete(id);
  }

  invoke(token: string): Bag {
    if (CLIENT_CONFIG.test(token)) {
      const { clientId, subscriptionId, tenantId } = this.config;
      return { clientId, objectId: uuidFrom(`object:${clientId}`), subscriptionId, tenantId };
    }
    throw new StandinError(`the ${this.name} stand-in does not implement the function ${token}`);
  }
}
