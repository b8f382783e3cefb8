/**
 * Exit codes shared by every command: 0 compliant, 1 violations found, 2 could not complete. They live in the
 * command layer, beside the runner that sets them, so that a command never imports `cli/main.ts`.
 */
export const EXIT = { ok: 0, violations: 1, error: 2 } as const;
