// Server rendering: every page is rendered whole and sent in one piece. No page defers data (no defer, no
// Suspense): by the time React renders, every loader has answered, so streaming would only cut the page into
// dozens of writes — each one flushed through gzip as its own block (issue 21: the catalogue left in 27 flushed
// blocks, 27.8 KB on the wire instead of 15.9 KB). A page that starts deferring data would want onShellReady back.
import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./lib/nonce.tsx";
import { errorFields, log, loggablePath } from "./lib/log.server.ts";
import { lucia } from "./lib/session.server.ts";
import { translateZodErrors } from "./lib/zod-errors.ts";

// A call, not a bare import: the build drops modules imported only for their effect (see zod-errors.ts).
translateZodErrors();

const ABORT_DELAY = 5_000;
export const streamTimeout = ABORT_DELAY;

/**
 * What a signed-in person sees is their family's data, and so is a page opened by a secret link (an offer, a
 * guardian's answer): neither the browser (a family's shared phone, its back button after signing out) nor a proxy
 * may keep a copy. Routes that set their own Cache-Control keep it.
 */
function noStoreWhenSignedIn(request: Request, headers: Headers) {
  const personal = request.headers.get("Cookie")?.includes(`${lucia.sessionCookieName}=`) || /^\/(offers|guardian)\//.test(new URL(request.url).pathname);
  if (!headers.has("Cache-Control") && personal) {
    headers.set("Cache-Control", "private, no-store");
  }
}

export function handleDataRequest(response: Response, { request }: { request: Request }) {
  noStoreWhenSignedIn(request, response.headers);
  return response;
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.cspNonce;
  noStoreWhenSignedIn(request, responseHeaders);
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          pipe(
            collect((html) => {
              clearTimeout(abortTimer);
              resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
            }, reject),
          );
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) log("error", "render.failed", errorFields(error));
        },
      },
    );
    // Read only once rendering has finished (React calls onAllReady from a later turn, never synchronously).
    const abortTimer = setTimeout(abort, ABORT_DELAY);
  });
}

/** A stream that gathers what React writes (it writes everything at once after onAllReady) into one buffer. */
function collect(done: (html: Buffer<ArrayBuffer>) => void, failed: (error: Error) => void): Writable {
  const chunks: Buffer[] = [];
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
    final(callback) {
      done(Buffer.concat(chunks));
      callback();
    },
    destroy(error, callback) {
      if (error) failed(error);
      callback(error);
    },
  });
}

/** Log real errors only: not aborted requests, not "no such page". */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  if (error && typeof error === "object" && "status" in error && error.status === 404) return;
  log("error", "request.failed", { path: loggablePath(new URL(request.url).pathname), ...errorFields(error) });
};

// For server/index.ts: background jobs run on the same modules as requests.
export { startBackgroundJobs, stopJobs } from "./job-handlers.server.ts";
