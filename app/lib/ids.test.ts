import { describe, expect, it } from "vitest";
import { isId, parseId } from "./ids.ts";

describe("the id rule", () => {
  it.each<[unknown, boolean]>([
    ["0b6e2f4a-3c1d-4e5f-8a9b-0c1d2e3f4a5b", true],
    ["0B6E2F4A-3C1D-4E5F-8A9B-0C1D2E3F4A5B", true], // PostgreSQL accepts either case
    ["0b6e2f4a3c1d4e5f8a9b0c1d2e3f4a5b", false], // no hyphens
    ["------------------------------------", false], // 36 characters is not enough
    ["0b6e2f4a-3c1d-4e5f-8a9b-0c1d2e3f4a5", false],
    ["0b6e2f4a-3c1d-4e5f-8a9b-0c1d2e3f4a5bb", false],
    ["0b6e2f4a-3c1d-4e5f-8a9b-0c1d2e3f4a5g", false],
    [" 0b6e2f4a-3c1d-4e5f-8a9b-0c1d2e3f4a5b", false],
    ["0b6e2f4a-3c1d-4e5f-8a9b-0c1d2e3f4a5b\n", false],
    ["new", false],
    ["", false],
    [undefined, false],
    [null, false],
    [42, false],
  ])("%j → %s", (value, expected) => {
    expect(isId(value)).toBe(expected);
    expect(parseId(value)).toBe(expected ? value : null);
  });
});
