/**
 * Node settings for the process that runs the user's program (check runs it in its own process). Most of a large
 * program's time under Pulumi's SDK is garbage collection of short-lived objects; a larger young generation
 * collects them less often. `npm run bench` (section check-aks) measures it side by side: at 100 AksClusters it cut
 * the run by about 40 % for check and for the program under mocks alike. The bin script starts `check` again with
 * these flags when it was started without them (see cli/bin/aks-trusted-access.js).
 */
export const PROGRAM_NODE_FLAGS: readonly string[] = ["--max-semi-space-size=64"];

/** The environment variable the bin script sets in the process it starts with the flags, so it never loops. */
export const RERUN_MARK = "AKS_TRUSTED_ACCESS_CHECK_RERUN";

/** The flags a process was started without (a flag given with another value counts as given). */
export function missingNodeFlags(execArgv: readonly string[]): string[] {
  const given = (flag: string): boolean => {
    const name = flag.split("=")[0];
    return execArgv.some((arg) => arg === name || arg.startsWith(`${name}=`));
  };
  return PROGRAM_NODE_FLAGS.filter((flag) => !given(flag));
}
