import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "./app.ts";

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
