// Calls to the designer page's own handlers. The page is signed in with the cookie, so every POST carries the
// antiforgery token the page rendered (Razor Pages check it); the bearer-only /api mirrors the same actions for scripts.

import type { DefinitionChange, DefinitionSummary, DesignerResult } from "./types";

export interface ActionAnswer {
  result: DesignerResult;
  summary: DefinitionSummary | null;
}

const token = () => (document.querySelector<HTMLInputElement>("input[name=__RequestVerificationToken]")?.value ?? "");

function handlerUrl(handler: string, query: Record<string, string | number> = {}): string {
  const url = new URL(window.location.pathname, window.location.origin);
  // A page opened with ?culture=en answers in English; so do its handlers.
  const culture = new URLSearchParams(window.location.search).get("culture");
  if (culture) url.searchParams.set("culture", culture);
  url.searchParams.set("handler", handler);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, String(value));
  return url.toString();
}

async function post(handler: string, body: string | null, query: Record<string, string | number> = {}): Promise<ActionAnswer> {
  const response = await fetch(handlerUrl(handler, query), {
    method: "POST",
    headers: { "Content-Type": "application/json", RequestVerificationToken: token() },
    body: body ?? "{}",
    credentials: "same-origin",
  });
  if (!response.ok && response.status !== 400) throw new Error(`${response.status} ${response.statusText}`);
  return (await response.json()) as ActionAnswer;
}

async function get<T>(handler: string, query: Record<string, string | number>): Promise<T> {
  const response = await fetch(handlerUrl(handler, query), { credentials: "same-origin" });
  if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
  return (await response.json()) as T;
}

export const api = {
  validate: (json: string) => post("Validate", json),
  save: (json: string) => post("Save", json),
  publish: (version: number) => post("Publish", null, { version }),
  revert: (version: number) => post("Revert", null, { version }),
  importFile: (json: string) => post("Import", json),
  version: (version: number) => get<unknown>("Version", { version }),
  diff: (from: number, to: number) => get<DefinitionChange[]>("Diff", { from, to }),
  exportUrl: (version: number) => handlerUrl("Export", { version }),
};
