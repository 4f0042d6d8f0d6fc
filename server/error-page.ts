// The error page the HTTP layer answers with itself, before or outside Remix:
// a body too large (413), a body that is not a form (415) or cannot be read
// (400), a method no page takes (405), a cross-site request (403), and any
// error Express meets (a malformed address: 400; anything else: 500). The
// same page in production and development: translated into the visitor's
// language (?lng=, the language cookie, Accept-Language — as every page),
// no stack trace, no path on disk. It needs neither the database nor Remix.
import type { NextFunction, Request, Response } from "express";
import { getLanguage, translator } from "../app/lib/i18n.server.ts";
import { textDirection, type Language } from "../app/lib/i18n.ts";
import { errorFields, log, loggablePath } from "../app/lib/log.server.ts";

/** The text of each status the HTTP layer answers with (common.json's `error.*`); anything else says "went wrong". */
const TEXTS: Record<number, [title: string, text: string]> = {
  400: ["error.title", "error.badRequest"],
  403: ["error.forbiddenTitle", "error.badOrigin"],
  404: ["error.notFoundTitle", "error.notFound"],
  405: ["error.title", "error.methodNotAllowed"],
  413: ["error.title", "error.tooLarge"],
  415: ["error.title", "error.unsupported"],
};

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[char]!);

/** The visitor's language, read the way the pages read it (app/lib/i18n.server.ts); Danish when the request cannot say. */
async function languageOf(req: Request): Promise<Language> {
  try {
    const headers = new Headers();
    for (const name of ["cookie", "accept-language"]) {
      const value = req.get(name);
      if (value) headers.set(name, value);
    }
    return await getLanguage(new Request(new URL(req.originalUrl, "http://portal.invalid"), { headers }));
  } catch {
    return "da";
  }
}

/** An address that cannot be decoded is, to whoever followed it, a page that is not there. */
const NOT_FOUND = TEXTS[404]!;

/** The page for `status` in the visitor's language, with the portal's stylesheet when the build is known. */
export async function errorPage(req: Request, status: number, options: Pick<ErrorPageOptions, "stylesheets" | "texts"> = {}): Promise<string> {
  const language = await languageOf(req);
  const t = translator(language, "common");
  const [titleKey, textKey] = options.texts ?? TEXTS[status] ?? ["error.title", "error.generic"];
  const stylesheets = options.stylesheets ?? [];
  const [title, text] = [escapeHtml(t(titleKey)), escapeHtml(t(textKey))];
  const links = stylesheets.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join("");
  return (
    `<!DOCTYPE html><html lang="${language}" dir="${textDirection(language)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · ${escapeHtml(t("appName"))}</title>` +
    `${links}<link rel="icon" href="/favicon.svg" type="image/svg+xml"></head>` +
    `<body><main class="mx-auto max-w-5xl space-y-4 p-6"><h1 class="text-2xl font-bold">${title}</h1><p>${text}</p>` +
    `<p><a href="/">${escapeHtml(t("error.backHome"))}</a></p></main></body></html>`
  );
}

export type ErrorPageOptions = {
  /** Extra headers, e.g. `Allow` on a 405. */
  headers?: Record<string, string>;
  /** The portal's stylesheets (the root route's links), so the page looks like the others. */
  stylesheets?: readonly string[];
  /** The title and text keys (common.json), when not those of the status. */
  texts?: [title: string, text: string];
};

/** Answers with the error page. Never cached: the same address answers normally to a proper request. */
export async function sendErrorPage(req: Request, res: Response, status: number, options: ErrorPageOptions = {}): Promise<void> {
  const page = req.method === "HEAD" ? "" : await errorPage(req, status, options);
  if (res.headersSent) return;
  res.status(status).set({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", ...options.headers });
  res.send(page);
}

/**
 * Express's last error handler, in every mode. Without it Express answers with its own page, which outside
 * production is the error's stack with paths on disk (a malformed address like /activities/%E0%A4%A). Client
 * errors (4xx, e.g. an address that cannot be decoded) keep their status and are not logged as failures.
 */
export function errorHandler(stylesheets: () => readonly string[]) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    const declared = Number((error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode);
    const status = Number.isInteger(declared) && declared >= 400 && declared < 600 ? declared : 500;
    if (status >= 500) log("error", "request.failed", { path: loggablePath(req.path), ...errorFields(error) });
    if (res.headersSent) {
      next(error); // Express closes the connection of a response already under way
      return;
    }
    const texts = status === 400 && (req.method === "GET" || req.method === "HEAD") ? NOT_FOUND : undefined;
    void sendErrorPage(req, res, status, { stylesheets: stylesheets(), texts }).catch(() => res.destroy());
  };
}
