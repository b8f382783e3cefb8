/** A DNS prefix AKS accepts (1-54 letters, digits or hyphens, a letter or digit at both ends), made from a name. */
export function dnsPrefixFor(name: string): string {
  const trimHyphens = (s: string): string => s.replace(/^-+|-+$/g, "");
  const prefix = trimHyphens(trimHyphens(name.replace(/[^A-Za-z0-9-]+/g, "-")).slice(0, 54));
  return prefix === "" ? "aks" : prefix;
}
