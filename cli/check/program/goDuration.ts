const UNIT_SECONDS: Readonly<Record<string, number>> = {
  ns: 1e-9,
  us: 1e-6,
  µs: 1e-6,
  ms: 1e-3,
  s: 1,
  m: 60,
  h: 3600,
};

/**
 * Seconds in a Go duration string ("10m", "1h30m", "2.5s"), the form custom timeouts take on the wire; undefined
 * for an empty or malformed one (the engine would have rejected it before any analyzer saw it).
 */
export function goDurationSeconds(text: string): number | undefined {
  if (text === "" || text === "0") return text === "0" ? 0 : undefined;
  const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let consumed = 0;
  for (let match = part.exec(text); match !== null; match = part.exec(text)) {
    total += Number(match[1]) * UNIT_SECONDS[match[2]];
    consumed = part.lastIndex;
  }
  return consumed === text.length && consumed > 0 ? total : undefined;
}
