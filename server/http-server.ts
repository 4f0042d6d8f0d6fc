// The Node HTTP server the portal listens with, its timeouts set on purpose
// rather than left at Node's defaults (docs/deployment.md lists the matching
// reverse-proxy settings). In production a proxy (nginx, Caddy) sits in
// front and buffers what a slow phone sends; these limits protect the
// process when it does not, and bound what one connection can hold.
import http from "node:http";
import type { RequestListener } from "node:http";

export const SERVER_TIMEOUTS = {
  /**
   * The request line and headers must have arrived within 10 s of the first byte (Node: 60 s). They are one or two
   * packets even from a phone on a poor connection; a client that dribbles header lines (slow loris) holds a
   * connection no longer than this. 408 and the connection closed.
   */
  headersTimeout: 10_000,
  /**
   * The whole request, body included, within 60 s (Node: 300 s). The largest staff form (512 KB) needs 70 kbit/s
   * for that, a family's form (32 KB) 4 kbit/s; an upload of 10 MB 1.4 Mbit/s — the proxy buffers bodies anyway.
   */
  requestTimeout: 60_000,
  /**
   * An idle keep-alive connection is closed after 65 s (Node: 5 s): longer than the proxy keeps idle upstream
   * connections open (nginx `keepalive_timeout 60s` in the upstream block, Caddy `keepalive 60s`, a cloud load
   * balancer's 60 s), so the proxy never sends a request on a connection Node is closing at that moment (a 502).
   */
  keepAliveTimeout: 65_000,
  /**
   * A socket on which nothing moves for 2 minutes, either way, is destroyed (Node: never): a client that stopped
   * reading its answer. No page takes anywhere near that to compute (docs/benchmarks.md: milliseconds).
   */
  socketTimeout: 120_000,
  /** How often Node checks the header and request timeouts (Node: every 30 s, which would let 10 s become 40 s). */
  connectionsCheckingInterval: 1_000,
} as const;

/**
 * Requests per keep-alive connection are not limited (`maxRequestsPerSocket` 0, Node's default): the proxy spreads
 * requests over the instances one by one, not connection by connection, so there is nothing to rebalance.
 */
export const MAX_REQUESTS_PER_SOCKET = 0;

/** An HTTP server for `listener` (the Express app) with the portal's timeouts. */
export function createHttpServer(listener: RequestListener): http.Server {
  const server = http.createServer(
    {
      headersTimeout: SERVER_TIMEOUTS.headersTimeout,
      requestTimeout: SERVER_TIMEOUTS.requestTimeout,
      keepAliveTimeout: SERVER_TIMEOUTS.keepAliveTimeout,
      connectionsCheckingInterval: SERVER_TIMEOUTS.connectionsCheckingInterval,
    },
    listener,
  );
  // A client that asks before sending its body (Expect: 100-continue, as curl does over 1 MB) gets the go-ahead
  // only when the body is to be read (server/request-body.ts), not at once from Node: a 413 needs no upload.
  server.on("checkContinue", listener);
  server.setTimeout(SERVER_TIMEOUTS.socketTimeout);
  server.maxRequestsPerSocket = MAX_REQUESTS_PER_SOCKET;
  return server;
}
