import { describe, expect, it } from "vitest";
import { ipKey } from "./ip.ts";

describe("ipKey", () => {
  it("keeps IPv4 whole, also when mapped into IPv6", () => {
    expect(ipKey("192.0.2.7")).toBe("192.0.2.7");
    expect(ipKey("::ffff:192.0.2.7")).toBe("192.0.2.7");
  });
  it("reduces IPv6 to its /64, however it is written", () => {
    expect(ipKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(ipKey("2001:0db8:0001:0002::1")).toBe("2001:db8:1:2::/64");
    expect(ipKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(ipKey("::1")).toBe("0:0:0:0::/64");
  });
});
