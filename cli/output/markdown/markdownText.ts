/** The longest a table cell gets: past it, the text is cut with a count of what was left out. */
export const MAX_CELL_CHARACTERS = 1_000;

/**
 * Text as one GitHub-flavoured Markdown table cell: Markdown punctuation and HTML are shown as written (escaped),
 * line breaks become `<br>`, and text longer than {@link MAX_CELL_CHARACTERS} is cut with a count of what was cut.
 */
export function cell(text: string): string {
  return escapeInline(shorten(text)).replace(/\r?\n/g, "<br>");
}

/** Text as a code span inside a table cell (an `az` command): pipes escaped, as GitHub's tables need even there. */
export function codeCell(text: string): string {
  const shown = shorten(text).replace(/\r?\n/g, " ");
  const fence = "`".repeat(longestRun(shown, "`") + 1);
  const pad = shown.startsWith("`") || shown.endsWith("`") ? " " : "";
  return `${fence}${pad}${shown.replace(/\|/g, "\\|")}${pad}${fence}`;
}

/** Text in a Markdown paragraph, with its punctuation and HTML shown as written. */
export function escapeInline(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#&]/g, (c) => `\\${c}`);
}

function shorten(text: string): string {
  if (text.length <= MAX_CELL_CHARACTERS) return text;
  const cut = text.length - MAX_CELL_CHARACTERS;
  return `${text.slice(0, MAX_CELL_CHARACTERS)}… (${cut} more characters)`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let run = 0;
  for (const c of text) {
    run = c === char ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}
