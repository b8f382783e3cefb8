import { StackSettings } from "./types";

/**
 * The environment the CLI gives a Node.js pack (constructEnv in the CLI's analyzer plugin): the stack as `PULUMI_*`
 * variables, then `extra` on top (undefined removes a variable).
 */
export function packEnvironment(
  stack: StackSettings | undefined,
  extra: Readonly<Record<string, string | undefined>> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const set = (key: string, value: string | undefined): void => {
    if (value !== undefined && value !== "") env[key] = value;
  };
  if (stack) {
    if (stack.config && Object.keys(stack.config).length > 0)
      set("PULUMI_CONFIG", JSON.stringify(stack.config));
    const dryRun = String(stack.dryRun ?? true);
    for (const prefix of ["PULUMI_NODEJS_", "PULUMI_"]) {
      set(`${prefix}ORGANIZATION`, stack.organization);
      set(`${prefix}PROJECT`, stack.project);
      set(`${prefix}STACK`, stack.stack);
      set(`${prefix}DRY_RUN`, dryRun);
    }
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}
