import { describe, expect, it } from "vitest";
import { isCrossSiteRequest, trustProxySetting } from "./app.ts";

const base = { host: "portal.example", protocol: "https" };

describe("cross-site request check", () => {
  it("lets safe methods through whatever their origin", () => {
    expect(isCrossSiteRequest({ ...base, method: "GET", secFetchSite: "cross-site" })).toBe(false);
  });
  it("trusts Sec-Fetch-Site when the browser sends it", () => {
    expect(isCrossSiteRequest({ ...base, method: "POST", secFetchSite: "same-origin" })).toBe(false);
    expect(isCrossSiteRequest({ ...base, method: "POST", secFetchSite: "same-site" })).toBe(true);
    expect(isCrossSiteRequest({ ...base, method: "POST", secFetchSite: "cross-site" })).toBe(true);
  });
  it("otherwise compares Origin with the host", () => {
    expect(isCrossSiteRequest({ ...base, method: "POST", origin: "https://portal.example" })).toBe(false);
    expect(isCrossSiteRequest({ ...base, method: "POST", origin: "https://evil.example" })).toBe(true);
    expect(isCrossSiteRequest({ ...base, method: "POST", origin: "http://portal.example" })).toBe(true);
  });
  it("refuses a state change that names no origin at all", () => {
    expect(isCrossSiteRequest({ ...base, method: "POST" })).toBe(true);
    expect(isCrossSiteRequest({ ...base, method: "DELETE" })).toBe(true);
  });
});

describe("behind a proxy", () => {
  it("compares Origin with the configured public origin", () => {
    expect(
      isCrossSiteRequest({ method: "POST", origin: "https://portal.example", host: "10.0.0.5:3000", protocol: "http", appOrigin: "https://portal.example" }),
    ).toBe(false);
    expect(
      isCrossSiteRequest({ method: "POST", origin: "http://10.0.0.5:3000", host: "10.0.0.5:3000", protocol: "http", appOrigin: "https://portal.example" }),
    ).toBe(true);
  });
  it("reads TRUST_PROXY as a hop count, a boolean or addresses", () => {
    expect(trustProxySetting(undefined)).toBe("loopback");
    expect(trustProxySetting("1")).toBe(1);
    expect(trustProxySetting("true")).toBe(true);
    expect(trustProxySetting("10.0.0.0/8")).toBe("10.0.0.0/8");
  });
});
