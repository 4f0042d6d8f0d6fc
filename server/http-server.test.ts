// The HTTP server's timeouts are the ones chosen (server/http-server.ts), not Node's defaults; the slow-loris cut-off
// on the running app is tested in tests/integration/request-limits.test.ts.
import { describe, expect, it } from "vitest";
import { createHttpServer, MAX_REQUESTS_PER_SOCKET, SERVER_TIMEOUTS } from "./http-server.ts";

describe("the HTTP server", () => {
  it("has the portal's timeouts", () => {
    const server = createHttpServer(() => {});
    expect({
      headersTimeout: server.headersTimeout,
      requestTimeout: server.requestTimeout,
      keepAliveTimeout: server.keepAliveTimeout,
      timeout: server.timeout,
      maxRequestsPerSocket: server.maxRequestsPerSocket,
    }).toEqual({ headersTimeout: 10_000, requestTimeout: 60_000, keepAliveTimeout: 65_000, timeout: 120_000, maxRequestsPerSocket: MAX_REQUESTS_PER_SOCKET });
    expect(server.listenerCount("checkContinue")).toBe(1);
    server.close();
  });

  it("keeps them in the order that makes sense: headers before the whole request, idle connections past the proxy's 60 s", () => {
    const { headersTimeout, requestTimeout, keepAliveTimeout, socketTimeout, connectionsCheckingInterval } = SERVER_TIMEOUTS;
    expect(headersTimeout).toBeLessThan(requestTimeout);
    expect(keepAliveTimeout).toBeGreaterThan(60_000);
    expect(socketTimeout).toBeGreaterThan(keepAliveTimeout);
    expect(connectionsCheckingInterval).toBeLessThanOrEqual(headersTimeout / 5);
  });
});
