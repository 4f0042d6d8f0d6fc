import { describe, expect, it } from "vitest";
import { householdKey, matchKey, readRows } from "./rows.ts";
import { areaKey, parseArea, parseBirth, parseCount, parseDay, parseGender, parseName, parseParticipationDay, parsePhone, splitFullName } from "./values.ts";

const TODAY = "2026-12-07";

describe("cells", () => {
  it.each([
    ["24-12-2016", "2016-12-24"],
    ["24.12.2016", "2016-12-24"],
    ["24/12/2016", "2016-12-24"],
    ["1-2-2016", "2016-02-01"],
    ["2016-12-24", "2016-12-24"],
    ["2016-2-1", "2016-02-01"],
    [" 24-12-2016 ", "2016-12-24"],
    ["٢٤-١٢-٢٠١٦", "2016-12-24"],
    ["31-02-2016", null],
    ["29-02-2015", null],
    ["29-02-2016", "2016-02-29"],
    ["24-13-2016", null],
    ["24-12-16", null],
    ["12/24/2016", null],
    ["2016", null],
    ["i går", null],
  ])("a day: %s", (text, day) => {
    expect(parseDay(text)).toBe(day);
  });

  it.each([
    ["24-12-2016", { value: { day: "2016-12-24", year: 2016 } }],
    ["2016", { value: { day: null, year: 2016 } }],
    ["", null],
    ["1899", { problem: "birthDateOutOfRange" }],
    ["2027", { problem: "birthDateOutOfRange" }],
    ["08-12-2026", { problem: "birthDateOutOfRange" }],
    ["07-12-2026", { value: { day: "2026-12-07", year: 2026 } }],
    ["31-02-2016", { problem: "badDate" }],
    ["24-12-16", { problem: "badDate" }],
  ])("a birth date: %s", (text, parsed) => {
    expect(parseBirth(text, TODAY)).toEqual(parsed);
  });

  it.each([
    ["03-03-2025", { value: "2025-03-03" }],
    ["08-12-2026", { problem: "futureDate" }],
    ["01-01-2019", { problem: "dateOutOfRange" }],
    ["x", { problem: "badDate" }],
    ["", null],
  ])("a day of participation: %s", (text, parsed) => {
    expect(parseParticipationDay(text, TODAY)).toEqual(parsed);
  });

  it.each([
    ["12", 12],
    ["12,0", 12],
    ["12.0", 12],
    ["1.200", 1200],
    ["1.200,00", 1200],
    ["0", 0],
    ["12,5", "badCount"],
    ["-1", "badCount"],
    ["10001", "badCount"],
    ["tolv", "badCount"],
    ["", null],
  ])("a count: %s", (text, value) => {
    const parsed = parseCount(text);
    expect(parsed === null ? null : "value" in parsed ? parsed.value : parsed.problem).toBe(value);
  });

  it.each([
    ["K", "FEMALE"],
    ["Pige", "FEMALE"],
    ["female", "FEMALE"],
    ["M", "MALE"],
    ["dreng", "MALE"],
    ["Boy", "MALE"],
    ["Andet", "OTHER"],
    ["", null],
    ["?", "badGender"],
  ])("a gender: %s", (text, value) => {
    const parsed = parseGender(text);
    expect(parsed === null ? null : "value" in parsed ? parsed.value : parsed.problem).toBe(value);
  });

  it.each([
    ["20123456", "+4520123456"],
    ["20 12 34 56", "+4520123456"],
    ["+45 20 12 34 56", "+4520123456"],
    ["4520123456", "+4520123456"],
    ["004520123456", "+4520123456"],
    ["1234", "badPhone"],
    ["+46701234567", "badPhone"],
  ])("a phone number: %s", (text, value) => {
    const parsed = parsePhone(text);
    expect(parsed && ("value" in parsed ? parsed.value : parsed.problem)).toBe(value);
  });

  it.each([
    ["  Adam   Ali ", { value: "Adam Ali" }],
    ["x".repeat(61), { problem: "nameTooLong" }],
    ["<b>Adam</b>", { problem: "nameBadCharacters" }],
    ["Ad\u202Eam", { problem: "nameInvisible" }],
    ["", null],
  ])("a name: %s", (text, parsed) => {
    expect(parseName(text)).toEqual(parsed);
  });

  it.each([
    ["Adam Jensen", { firstName: "Adam", lastName: "Jensen" }],
    ["Mohamed Abdi Ali", { firstName: "Mohamed Abdi", lastName: "Ali" }],
    ["Jensen, Adam", { firstName: "Adam", lastName: "Jensen" }],
    ["Adam", { firstName: "Adam", lastName: "" }],
  ])("a full name: %s", (text, parts) => {
    expect(splitFullName(text)).toEqual(parts);
  });

  const areas = [
    { id: "a1", code: "vangdalen", name: "Vangdalen" },
    { id: "a2", code: "glarbjergvej", name: "Glarbjergvej-området" },
    { id: "a3", code: "uden", name: "Uden for boligområderne" },
  ];
  it.each([
    ["Vangdalen", "a1"],
    ["vangdalen ", "a1"],
    ["Glarbjergvej", "a2"],
    ["Glarbjergvej-området", "a2"],
    ["Glarbjergvej området", "a2"],
    ["GLARBJERGVEJOMRADET", "a2"],
    ["uden", "a3"],
    ["Jennumparken", "unknownArea"],
    ["", null],
  ])("an area: %s", (text, value) => {
    const parsed = parseArea(text, areas);
    expect(parsed && ("value" in parsed ? parsed.value : parsed.problem)).toBe(value);
    expect(areaKey("Glarbjergvej-området")).toBe("glarbjergvej");
  });
});

describe("rows", () => {
  const areas = [{ id: "a1", code: "vangdalen", name: "Vangdalen" }];
  const table = (headings: string[], ...rows: string[][]) => ({ headings, rows: rows.map((cells, i) => ({ row: i + 2, cells })) });

  it("reads a child with guardian, and names each problem by its column", () => {
    const rows = readRows(
      table(
        ["Navn", "Fødselsdato", "Køn", "Boligområde", "Forælder", "Telefon"],
        ["Adam Jensen", "24-12-2016", "D", "Vangdalen", "Fatima Jensen", "20 12 34 56"],
        ["", "31-02-2016", "?", "Jennumparken", "", "1234"],
      ),
      ["fullName", "birthDate", "gender", "area", "guardianName", "guardianPhone"],
      { kind: "people", areas, today: TODAY },
    );
    expect(rows[0]).toMatchObject({
      row: 2,
      person: { firstName: "Adam", lastName: "Jensen", birth: { day: "2016-12-24", year: 2016 }, gender: "MALE", housingAreaId: "a1" },
      guardian: { firstName: "Fatima", lastName: "Jensen", phone: "+4520123456", email: null },
      problems: [],
    });
    expect(rows[1]!.person).toBeNull();
    expect(rows[1]!.problems.map((problem) => `${problem.field}:${problem.code}`).sort()).toEqual(
      ["birthDate:badDate", "fullName:missingName", "gender:badGender", "area:unknownArea", "guardianPhone:badPhone"].sort(),
    );
  });

  it("reads a head-count row (nobody named) and a named row of participation", () => {
    const rows = readRows(
      table(
        ["Dato", "Fornavn", "Efternavn", "Fødselsår", "Voksne", "Børn", "Område"],
        ["03-03-2025", "", "", "", "4", "12,0", "Vangdalen"],
        ["03-03-2025", "Sara", "Ali", "2015", "", "", ""],
      ),
      ["date", "firstName", "lastName", "birthYear", "adults", "children", "area"],
      { kind: "participation", areas, today: TODAY },
    );
    expect(rows[0]).toMatchObject({ person: null, counts: { adults: 4, children: 12 }, date: "2025-03-03", housingAreaId: "a1", problems: [] });
    expect(rows[1]).toMatchObject({ person: { firstName: "Sara", birth: { day: null, year: 2015 } }, counts: null, problems: [] });
  });

  it.each([
    [{ firstName: "Al-Hassan", lastName: "Ünal", birthYear: 2016 }, { firstName: "al hassan", lastName: "unal", birthYear: 2016 }, true],
    [{ firstName: "Adam", lastName: "Jensen", birthYear: 2016 }, { firstName: "ADAM", lastName: "jensen", birthYear: 2016 }, true],
    [{ firstName: "Adam", lastName: "Jensen", birthYear: 2016 }, { firstName: "Adam", lastName: "Jensen", birthYear: 2017 }, false],
    [{ firstName: "Søren", lastName: "Ås", birthYear: 2016 }, { firstName: "Soren", lastName: "As", birthYear: 2016 }, false],
  ])("the same person: %o and %o → %s", (a, b, same) => {
    expect(matchKey(a) === matchKey(b)).toBe(same);
  });

  it("groups rows into households by the guardian's phone, else e-mail, else name and address", () => {
    const guardian = (phone: string | null, email: string | null, name = "Fatima Ali") => ({
      firstName: name.split(" ")[0]!,
      lastName: name.split(" ")[1]!,
      phone,
      email,
    });
    expect(householdKey({ guardian: guardian("+4520123456", "a@b.dk"), address: null })).toBe("phone:+4520123456");
    expect(householdKey({ guardian: guardian(null, "a@b.dk"), address: null })).toBe("email:a@b.dk");
    expect(householdKey({ guardian: guardian(null, null), address: "Vej 1" })).not.toBe(householdKey({ guardian: guardian(null, null), address: "Vej 2" }));
    expect(householdKey({ guardian: null, address: "Vej 1" })).toBeNull();
  });
});
