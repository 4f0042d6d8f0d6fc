// Client addresses for rate limits.

/**
 * The part of a client address that identifies a client: all of IPv4, the
 * /64 network of IPv6 (one household or phone gets a whole /64).
 */
export function ipKey(ip: string): string {
  const address = ip.replace(/^::ffff:/, "");
  if (!address.includes(":")) return address;
  const [head = "", tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((group) => parseInt(group || "0", 16).toString(16))
    .join(":")}::/64`;
}
