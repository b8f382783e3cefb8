import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** One resource as the stand-in's "Azure" holds it, by ARM id. */
export interface StoredResource {
  /** The Pulumi type token that created it. */
  readonly type: string;
  readonly inputs: Record<string, unknown>;
  readonly outputs: Record<string, unknown>;
}

type Resources = Record<string, StoredResource>;

/**
 * The stand-in's fake Azure: every resource it created, in a JSON file, so that separate CLI runs of one test (preview,
 * up, a second up, destroy) see what the earlier ones made, as they would against Azure.
 *
 * The file is AZURE_NATIVE_STANDIN_STATE, else `azure-native-standin.json` in PULUMI_HOME (or ~/.pulumi). A test
 * seeds it with resources "made elsewhere", such as a cluster that a program only binds to. Each call reads and
 * writes the whole file synchronously, so the concurrent calls of one provider process never interleave; two
 * provider processes writing at once are not supported.
 */
export class StandinState {
  readonly file: string;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.file =
      env.AZURE_NATIVE_STANDIN_STATE ??
      path.join(env.PULUMI_HOME ?? path.join(os.homedir(), ".pulumi"), "azure-native-standin.json");
  }

  get(id: string): StoredResource | undefined {
    return this.read()[id.toLowerCase()];
  }

  /** The resources whose ids sit directly under `parentId` in `collection` (e.g. a cluster's bindings). */
  children(parentId: string, collection: string): [string, StoredResource][] {
    const prefix = `${parentId}/${collection}/`.toLowerCase();
    return Object.entries(this.read()).filter(
      ([id]) => id.startsWith(prefix) && !id.slice(prefix.length).includes("/"),
    );
  }

  put(id: string, resource: StoredResource): void {
    this.write({ ...this.read(), [id.toLowerCase()]: resource });
  }

  /** Deletes a resource and everything under it, as deleting an ARM resource deletes its children. */
  delete(id: string): void {
    const key = id.toLowerCase();
    const kept = Object.entries(this.read()).filter(([k]) => k !== key && !k.startsWith(`${key}/`));
    this.write(Object.fromEntries(kept));
  }

  private read(): Resources {
    try {
      return JSON.parse(fs.readFileSync(this.file, "utf8")) as Resources;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return {};
      throw new Error(
        `the azure-native stand-in's state ${this.file} is unreadable: ${(err as Error).message}`,
      );
    }
  }

  private write(resources: Resources): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(resources, null, 2) + "\n");
    fs.renameSync(temporary, this.file);
  }
}
