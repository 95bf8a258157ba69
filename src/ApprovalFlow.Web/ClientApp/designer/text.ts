// The page's words come from the server's resources (SharedResource.resx, keys "Designer.*"), in the page's language.

let words: Record<string, string> = {};

export function setText(text: Record<string, string>): void {
  words = text;
}

/** The text of "Designer.{key}", with {0}, {1}, … replaced. */
export function t(key: string, ...args: (string | number)[]): string {
  const template = words[`Designer.${key}`] ?? key;
  return template.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ""));
}
