import * as fs from "fs";
import * as path from "path";

/** One property of a class of azure-native's Python SDK: its snake_case name and its annotation. */
export interface PythonProperty {
  readonly pythonName: string;
  readonly annotation: string;
}

/**
 * What azure-native's Python SDK (the PyPI wheel, unpacked) says of a module: its classes and, per class, each
 * property's schema name (`@pulumi.getter(name="…")`, or the Python name when they agree) with its Python name and
 * type annotation. The wheel is generated from the same schema as the npm package, so it tells what the .d.ts
 * files cannot: which numbers are integers, and the Python names a consumer's generated SDK must agree with.
 */
export class PythonWheelFacts {
  private readonly classes = new Map<string, Map<string, PythonProperty>>();

  constructor(readonly packageDir: string) {}

  /** The wheel's own plugin manifest (`pulumi-plugin.json`): the plugin name and version it asks the engine for. */
  pluginManifest(): { name: string; version: string; resource: boolean } {
    return JSON.parse(fs.readFileSync(path.join(this.packageDir, "pulumi-plugin.json"), "utf8")) as {
      name: string;
      version: string;
      resource: boolean;
    };
  }

  /** The properties of `className` in `<module>/<file>.py`, or an error naming what the wheel lacks. */
  properties(module: string, file: string, className: string): Map<string, PythonProperty> {
    const key = `${module}/${file}:${className}`;
    const cached = this.classes.get(key);
    if (cached) return cached;
    const full = path.join(this.packageDir, module, `${file}.py`);
    if (!fs.existsSync(full)) throw new Error(`the azure-native wheel has no ${module}/${file}.py`);
    const source = fs.readFileSync(full, "utf8");
    const start = new RegExp(`^class ${className}\\b.*:$`, "m").exec(source);
    if (!start) throw new Error(`the azure-native wheel's ${module}/${file}.py has no class ${className}`);
    const rest = source.slice(start.index + start[0].length);
    const end = /^\S/m.exec(rest);
    const body = end ? rest.slice(0, end.index) : rest;
    const found = new Map<string, PythonProperty>();
    const getter = /@pulumi\.getter(?:\(name="(\w+)"\))?\s*\n\s*def (\w+)\(self\) -> (.+):\s*$/gm;
    for (const m of body.matchAll(getter)) {
      found.set(m[1] ?? m[2], { pythonName: m[2], annotation: m[3] });
    }
    this.classes.set(key, found);
    return found;
  }
}

/** `ManagedCluster` → `managed_cluster`: the file name azure-native's Python SDK gives a resource. */
export function pythonFileName(resource: string): string {
  return resource.replace(/(?<=[a-z0-9])([A-Z])/g, "_$1").toLowerCase();
}
