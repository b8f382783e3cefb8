/**
 * Azure CLI commands with placeholders (`<group>`, `<cluster>`, …) filled in for one resource: the one way the
 * policies' messages and `audit`'s fixes write a command a user may paste into a shell.
 */

/** A word as a POSIX shell reads it: as is when safe, else in single quotes (a quote inside as `'\''`). */
export function shellWord(value: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** What fills a command's placeholders. A value left out, or empty, keeps its placeholder. */
export interface AzureCliValues {
  /** Given, `--subscription <id>` comes before the command's options, so that it runs where the cluster is. */
  readonly subscription?: string;
  /** `<group>` */
  readonly resourceGroup?: string;
  /** `<cluster>` */
  readonly cluster?: string;
  /** `<pool>` */
  readonly pool?: string;
  /** `<binding-name>` */
  readonly binding?: string;
  /** `<role>[,<role>...]`, joined with commas as `--roles` takes them. */
  readonly roles?: readonly string[];
  /** `<source-resource-id>` */
  readonly sourceResourceId?: string;
}

const PLACEHOLDERS: Readonly<Record<string, (v: AzureCliValues) => string | undefined>> = {
  "<group>": (v) => v.resourceGroup,
  "<cluster>": (v) => v.cluster,
  "<pool>": (v) => v.pool,
  "<binding-name>": (v) => v.binding,
  "<role>[,<role>...]": (v) => v.roles?.join(","),
  "<source-resource-id>": (v) => v.sourceResourceId,
};

const PLACEHOLDER = new RegExp(
  Object.keys(PLACEHOLDERS)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|"),
  "g",
);

/**
 * The command with every placeholder it has a value for filled in, each value as one shell word. One pass over the
 * template, so that a value that looks like a placeholder is never filled in again.
 */
export function azureCliCommand(template: string, values: AzureCliValues): string {
  const filled = template.replace(PLACEHOLDER, (placeholder) => {
    const value = PLACEHOLDERS[placeholder](values);
    return value === undefined || value === "" ? placeholder : shellWord(value);
  });
  if (values.subscription === undefined || values.subscription === "") return filled;
  const firstOption = filled.indexOf(" --");
  const at = firstOption < 0 ? filled.length : firstOption;
  return `${filled.slice(0, at)} --subscription ${shellWord(values.subscription)}${filled.slice(at)}`;
}
