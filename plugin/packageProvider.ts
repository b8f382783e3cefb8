import * as pulumi from "@pulumi/pulumi";
import { ConstructResult, Provider } from "@pulumi/pulumi/provider";
import { ArgumentFailure, ComponentArgumentsError } from "../components/argumentsError";
import { takeDeferredFailures } from "../components/deferredChecks";
import { PackageSchema } from "./packageSchema";

/** A component class as `componentProviderHost` receives it from the package's exports. */
export type ComponentClass = new (
  name: string,
  args: pulumi.Inputs,
  opts?: pulumi.ComponentResourceOptions,
) => pulumi.ComponentResource;

/**
 * The package as a Pulumi provider: `GetSchema` answers the schema built into dist/, `Construct` makes a component
 * as Pulumi's `ComponentProvider` does (same class, inputs and options; the outputs named in the schema), without
 * the seconds of TypeScript analysis that provider spends before either. Broken argument rules come back as the
 * SDK's `InputPropertiesError`, each message attached to its argument: those found in plain values at once, those
 * found in Output values (another resource's outputs) as soon as the values are known, before any child that
 * consumes them is registered.
 */
export class PackageProvider implements Provider {
  readonly version: string;
  private readonly schemaText: string;
  private readonly classes: ReadonlyMap<string, ComponentClass>;

  constructor(
    private readonly packageSchema: PackageSchema,
    components: readonly ComponentClass[],
  ) {
    this.version = packageSchema.version ?? "0.0.0";
    this.schemaText = JSON.stringify(packageSchema);
    this.classes = new Map(components.map((c) => [`${packageSchema.name}:index:${c.name}`, c]));
    const missing = Object.keys(packageSchema.resources).filter((token) => !this.classes.has(token));
    if (missing.length > 0) {
      throw new Error(`The schema offers ${missing.join(", ")}, which the package does not export.`);
    }
  }

  async getSchema(): Promise<string> {
    return this.schemaText;
  }

  async construct(
    name: string,
    type: string,
    inputs: pulumi.Inputs,
    options: pulumi.ComponentResourceOptions,
  ): Promise<ConstructResult> {
    const Component = this.classes.get(type);
    const resource = this.packageSchema.resources[type];
    if (Component === undefined || resource === undefined) {
      throw new Error(
        `Unknown component type ${type}: this package offers ${[...this.classes.keys()].join(", ")}.`,
      );
    }
    let component: pulumi.ComponentResource;
    try {
      component = new Component(name, inputs, options);
    } catch (err) {
      throw err instanceof ComponentArgumentsError ? inputPropertiesError(err.failures) : err;
    }
    const failures = await takeDeferredFailures(component);
    if (failures.length > 0) throw inputPropertiesError(failures);
    const outputs = component as unknown as Record<string, unknown>;
    const state = Object.fromEntries(
      Object.keys(resource.properties ?? {}).map((key) => [key, outputs[key]]),
    );
    return { urn: component.urn, state };
  }
}

/** The failures as the engine shows them: the messages, one a line, each also attached to its argument. */
function inputPropertiesError(failures: readonly ArgumentFailure[]): pulumi.InputPropertiesError {
  return new pulumi.InputPropertiesError({
    message: failures.map((f) => f.message).join("\n"),
    errors: failures.map((f) => ({ propertyPath: f.argument, reason: f.message })),
  });
}
