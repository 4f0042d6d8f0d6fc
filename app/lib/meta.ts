// Page titles in the reader's language (WCAG 2.4.2), from the translations
// the root loader already sent.
import type { MetaDescriptor } from "@remix-run/node";

type Matches = readonly { id: string; data: unknown }[];

function lookup(resources: Record<string, unknown>, key: string): string | undefined {
  const [ns, path] = key.includes(":") ? (key.split(":", 2) as [string, string]) : ["common", key];
  let node: unknown = resources[ns];
  for (const part of path.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === "string" ? node : undefined;
}

/** "<page> · <portal name>"; `key` as "namespace:path", or already translated text in `text`. */
export function pageTitle(matches: Matches, key: string | null, text?: string): MetaDescriptor[] {
  const root = matches.find((match) => match.id === "root")?.data as { resources?: Record<string, unknown> } | undefined;
  const resources = root?.resources ?? {};
  const app = lookup(resources, "common:appName") ?? "Aktivitetsportalen";
  const page = text ?? (key ? lookup(resources, key) : undefined);
  return [{ title: page ? `${page} · ${app}` : app }];
}
