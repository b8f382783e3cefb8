import type { Command, Option } from "commander";
import { buildProgram } from "../../../cli/main";
import { parseReportFlags } from "../../../cli/command/reportFlag";

/** Every string in a parsed YAML document that runs the CLI (`aks-trusted-access …` or `npx aks-trusted-access …`). */
export function cliCommandLines(document: unknown): string[] {
  if (typeof document === "string") {
    return document
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => /^(npx )?aks-trusted-access /.test(line));
  }
  if (Array.isArray(document)) return document.flatMap(cliCommandLines);
  if (document !== null && typeof document === "object")
    return Object.values(document).flatMap(cliCommandLines);
  return [];
}

/** A command line split as a shell splits words without expansions: on blanks, keeping quoted text together. */
export function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/**
 * What in a command line the CLI would not take, as sentences (none when all of it exists): the command, each
 * option, each value of an option with choices (`--output`, `--rule`, …) and each `--report` value, read by the
 * CLI's own command definitions (`buildProgram`). Values the pipeline fills in (`$(reports)`) are taken as they are.
 */
export function unknownParts(line: string): string[] {
  const [first, ...rest] = words(line);
  const tokens = first === "npx" ? rest : [first, ...rest];
  if (tokens[0] !== "aks-trusted-access") return [`not an aks-trusted-access command: ${line}`];
  const command = buildProgram().commands.find((c) => c.name() === tokens[1]);
  if (command === undefined) return [`no command ${tokens[1]}`];
  const problems: string[] = [];
  let positional = 0;
  for (let i = 2; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token.startsWith("-")) {
      positional++;
      if (positional > command.registeredArguments.length)
        problems.push(`${command.name()}: unexpected ${token}`);
      continue;
    }
    const [flag, inline] = token.includes("=")
      ? [token.slice(0, token.indexOf("=")), token.slice(token.indexOf("=") + 1)]
      : [token, undefined];
    const option = command.options.find((o) => o.long === flag || o.short === flag);
    if (option === undefined) {
      problems.push(`${command.name()} has no option ${flag}`);
      continue;
    }
    if (!option.required && !option.optional) continue;
    const value = inline ?? tokens[++i];
    problems.push(...valueProblems(command, option, value));
  }
  return problems;
}

function valueProblems(command: Command, option: Option, value: string | undefined): string[] {
  if (value === undefined) return [`${command.name()} ${option.long}: no value`];
  if (option.argChoices !== undefined && !option.argChoices.includes(value)) {
    return [`${command.name()} ${option.long} ${value}: not one of ${option.argChoices.join(", ")}`];
  }
  if (option.long === "--report") {
    const formats = command.options.find((o) => o.long === "--output")?.argChoices ?? [];
    try {
      parseReportFlags([value], formats);
    } catch (err) {
      return [(err as Error).message];
    }
  }
  return [];
}
