import { PackageSchema } from "../../../plugin/packageSchema";

type Property = {
  type?: string;
  $ref?: string;
  items?: Property;
  additionalProperties?: Property;
};

/** A Pulumi YAML program, as far as its use of a package goes. */
export interface YamlProgram {
  readonly packages?: Record<string, string>;
  readonly resources?: Record<string, { type: string; properties?: Record<string, unknown> }>;
  readonly outputs?: Record<string, unknown>;
}

const isInterpolation = (value: unknown) => typeof value === "string" && /\$\{[^}]+\}/.test(value);

/**
 * What Pulumi YAML would reject in the program's use of the package's components: a type the schema lacks, an
 * input it does not have, a required input left out, a value of the wrong kind, an enum value it does not list,
 * or an output read (`${resource.output}`) that the component does not have. `${…}` values are taken on trust.
 */
export function problemsOf(program: YamlProgram, schema: PackageSchema, packageName: string): string[] {
  const problems: string[] = [];
  const typeOf = (ref: string) => schema.types[ref.replace(/^#\/types\//, "")];

  const checkValue = (where: string, value: unknown, property: Property): void => {
    if (isInterpolation(value)) return;
    if (property.$ref !== undefined) {
      if (!property.$ref.startsWith("#/types/")) return;
      const type = typeOf(property.$ref);
      if (type === undefined) return void problems.push(`${where}: ${property.$ref} is not in the schema`);
      if (type.enum) {
        const values = type.enum.map((e) => e.value);
        if (!values.includes(value as string))
          problems.push(`${where}: ${JSON.stringify(value)} is not one of ${values.join(", ")}`);
        return;
      }
      checkObject(where, value, type.properties ?? {}, type.required ?? []);
      return;
    }
    switch (property.type) {
      case "string":
      case "boolean":
        if (typeof value !== property.type)
          problems.push(`${where}: ${JSON.stringify(value)} is not a ${property.type}`);
        return;
      case "number":
      case "integer":
        if (typeof value !== "number") problems.push(`${where}: ${JSON.stringify(value)} is not a number`);
        return;
      case "array":
        if (!Array.isArray(value))
          return void problems.push(`${where}: ${JSON.stringify(value)} is not a list`);
        value.forEach((item, i) => checkValue(`${where}[${i}]`, item, property.items ?? {}));
        return;
      case "object":
        if (typeof value !== "object" || value === null || Array.isArray(value)) {
          return void problems.push(`${where}: ${JSON.stringify(value)} is not a map`);
        }
        for (const [key, item] of Object.entries(value))
          checkValue(`${where}.${key}`, item, property.additionalProperties ?? {});
        return;
    }
  };

  const checkObject = (
    where: string,
    value: unknown,
    properties: Record<string, Property>,
    required: string[],
  ): void => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      return void problems.push(`${where}: ${JSON.stringify(value)} is not an object`);
    }
    for (const [key, item] of Object.entries(value)) {
      const property = properties[key];
      if (property === undefined)
        problems.push(`${where}.${key} is not an input (inputs: ${Object.keys(properties).join(", ")})`);
      else checkValue(`${where}.${key}`, item, property);
    }
    for (const key of required) if (!(key in value)) problems.push(`${where}.${key} is required`);
  };

  const ours = new Map<string, string>();
  for (const [name, resource] of Object.entries(program.resources ?? {})) {
    if (!resource.type.startsWith(`${packageName}:`)) continue;
    const component = schema.resources[resource.type];
    if (component === undefined) {
      problems.push(`${name}: ${resource.type} is not in the schema`);
      continue;
    }
    ours.set(name, resource.type);
    checkObject(
      name,
      resource.properties ?? {},
      component.inputProperties ?? {},
      component.requiredInputs ?? [],
    );
  }
  for (const [output, value] of Object.entries(program.outputs ?? {})) {
    for (const [, resource, property] of String(value).matchAll(/\$\{(\w+)\.(\w+)/g)) {
      const type = ours.get(resource);
      if (type !== undefined && !(property in (schema.resources[type].properties ?? {}))) {
        problems.push(`outputs.${output}: ${resource} has no output ${property}`);
      }
    }
  }
  return problems;
}
