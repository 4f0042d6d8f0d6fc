import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { applyMappingFile, headingKey, mappingFileSchema, missingFields, recogniseColumns } from "./columns.ts";
import { decodeText, detectDelimiter, FileError, parseCsv, readSpreadsheet } from "./read-file.ts";

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

describe("decoding a CSV file", () => {
  it.each([
    // Windows-1252 as a Danish Excel saves "CSV (semikolonsepareret)": æ E6, ø F8, å E5, Æ C6, Ø D8, Å C5.
    [
      "Windows-1252 with æøå",
      bytes(0x53, 0xf8, 0x72, 0x65, 0x6e, 0x3b, 0xc6, 0x62, 0x6c, 0x65, 0x3b, 0xc5, 0x67, 0xe5, 0x72, 0x64),
      "Søren;Æble;Ågård",
      "windows-1252",
    ],
    ["Windows-1252 curly quote and euro (0x80–0x9F)", bytes(0x80, 0x20, 0x93, 0x61, 0x94), "€ “a”", "windows-1252"],
    ["UTF-8 with a byte-order mark", bytes(0xef, 0xbb, 0xbf, 0x53, 0xc3, 0xb8, 0x72, 0x65, 0x6e), "Søren", "utf-8"],
    ["UTF-8 without a mark", bytes(0x53, 0xc3, 0xb8, 0x72, 0x65, 0x6e), "Søren", "utf-8"],
    ["UTF-8 Arabic", bytes(0xd8, 0xb3, 0xd8, 0xa7, 0xd8, 0xb1, 0xd8, 0xa9), "سارة", "utf-8"],
    ["UTF-16 LE with its mark (Excel's 'Unicode text')", bytes(0xff, 0xfe, 0x53, 0x00, 0xf8, 0x00), "Sø", "utf-16le"],
    ["plain ASCII", bytes(...ascii("Adam;Jensen")), "Adam;Jensen", "utf-8"],
  ])("%s", (_, input, text, encoding) => {
    expect(decodeText(input)).toEqual({ text, encoding });
  });
});

describe("CSV records", () => {
  it.each([
    ["semicolons (Danish Excel)", "Fornavn;Efternavn\nAdam;Jensen", ";"],
    ["commas", "Fornavn,Efternavn\nAdam,Jensen", ","],
    ["tabs", "Fornavn\tEfternavn\nAdam\tJensen", "\t"],
    ["a comma inside quotes does not count", '"Navn, fulde";Født\nx;y', ";"],
    ["a decimal comma in a semicolon file", "Navn;Antal;Beløb\nx;1,5;2,0", ";"],
  ])("detects the separator: %s", (_, text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it.each([
    [
      "CRLF line ends",
      "a;b\r\nc;d\r\n",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    [
      "quotes, doubled quotes and a line break in a cell",
      'a;"b ""c"";\nd"\ne;f',
      [
        ["a", 'b "c";\nd'],
        ["e", "f"],
      ],
    ],
    ["empty cells", ";;x\n", [["", "", "x"]]],
    ["no line end at the end", "a;b", [["a", "b"]]],
    ["decimal commas stay in their cell", "12,5;3", [["12,5", "3"]]],
  ])("%s", (_, text, records) => {
    expect(parseCsv(text)).toEqual(records);
  });
});

describe("reading a spreadsheet", () => {
  it("reads a Windows-1252 CSV with semicolons, dropping empty rows, numbering rows as the sheet does", async () => {
    const file = Uint8Array.from([
      ...ascii("Fornavn;Efternavn;F"),
      0xf8,
      ...ascii("dselsdato;Boligomr"),
      0xe5,
      ...ascii("de\r\n"),
      ...ascii(";;;\r\n"),
      0xc6,
      ...ascii("sa;J"),
      0xf8,
      ...ascii("rgensen;24-12-2016;Vangdalen\r\n"),
    ]);
    const table = await readSpreadsheet(file, 100);
    expect(table).toMatchObject({ format: "csv", encoding: "windows-1252", headings: ["Fornavn", "Efternavn", "Fødselsdato", "Boligområde"] });
    expect(table.rows).toEqual([{ row: 3, cells: ["Æsa", "Jørgensen", "24-12-2016", "Vangdalen"] }]);
  });

  it("reads a UTF-8 CSV with a byte-order mark (the mark is not part of the first heading)", async () => {
    const table = await readSpreadsheet(new TextEncoder().encode("\uFEFFFornavn;Efternavn\nSøren;Ås\n"), 100);
    expect(table.headings).toEqual(["Fornavn", "Efternavn"]);
    expect(recogniseColumns(table.headings)).toEqual(["firstName", "lastName"]);
  });

  it("reads an xlsx made with exceljs: text, numbers, dates, rich text and formulas as the sheet shows them", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Deltagere");
    sheet.addRow(["Fornavn", "Efternavn", "Fødselsdato", "Telefon", "Antal"]);
    sheet.addRow(["Søren", { richText: [{ text: "Jør" }, { text: "gensen" }] }, new Date(Date.UTC(2016, 11, 24)), 20123456, 12.5]);
    sheet.addRow([]);
    sheet.addRow(["سارة", "Ali", "2015", { formula: "1+1", result: 2 }, null]);
    const buffer = new Uint8Array(await workbook.xlsx.writeBuffer());
    const table = await readSpreadsheet(buffer, 100);
    expect(table.format).toBe("xlsx");
    expect(table.rows).toEqual([
      { row: 2, cells: ["Søren", "Jørgensen", "2016-12-24", "20123456", "12,5"] },
      { row: 4, cells: ["سارة", "Ali", "2015", "2", ""] },
    ]);
  });

  it.each([
    ["an empty file", new Uint8Array(), "empty"],
    ["only headings", new TextEncoder().encode("Fornavn;Efternavn\n"), "empty"],
    ["an old binary .xls", bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), "oldExcel"],
    ["a zip that is no workbook", bytes(0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0), "unreadable"],
    ["binary with NUL bytes", bytes(0x41, 0x00, 0x42, 0x00, 0x43), "unreadable"],
    ["more rows than allowed", new TextEncoder().encode("a\n1\n2\n3\n"), "tooManyRows"],
    ["more than 100 columns", new TextEncoder().encode(`${Array.from({ length: 101 }, (_, i) => `c${i}`).join(";")}\n1`), "tooManyColumns"],
  ])("refuses %s", async (_, input, code) => {
    await expect(readSpreadsheet(input, 2)).rejects.toEqual(new FileError(code as FileError["code"]));
  });
});

describe("columns", () => {
  it.each([
    ["Fornavn", "firstName"],
    ["Barnets fornavn", "firstName"],
    ["First name", "firstName"],
    ["EFTERNAVN", "lastName"],
    ["Fødselsdato", "birthDate"],
    ["Foedselsdato", "birthDate"],
    ["Fodselsdato", null],
    ["Fødselsår", "birthYear"],
    ["Køn", "gender"],
    ["Boligområde", "area"],
    ["Boligomraade", "area"],
    ["Adresse", "address"],
    ["Forælder", "guardianName"],
    ["Forælder telefon", "guardianPhone"],
    ["Telefon", "guardianPhone"],
    ["E-mail", "guardianEmail"],
    ["Dato", "date"],
    ["Antal voksne", "adults"],
    ["Børn", "children"],
    ["Noter", null],
  ])("recognises %s", (heading, field) => {
    expect(recogniseColumns([heading])).toEqual([field]);
  });

  it("gives a field to its first column only", () => {
    expect(recogniseColumns(["Telefon", "Mobil"])).toEqual(["guardianPhone", null]);
  });

  it("a mapping file names columns (compared as headings are) and leaves the rest to recognition", () => {
    const file = mappingFileSchema.parse({ columns: { "Barn (fornavn)": "firstName", "barn efternavn": "lastName", Telefon: null } });
    expect(applyMappingFile(["Barn (fornavn)", "Barn efternavn", "Telefon", "Født"], file)).toEqual(["firstName", "lastName", null, "birthDate"]);
    expect(headingKey("Barn (fornavn)")).toBe("barnfornavn");
    expect(mappingFileSchema.safeParse({ columns: { a: "cpr" } }).success).toBe(false);
    expect(mappingFileSchema.safeParse({ colums: {} }).success).toBe(false);
  });

  it.each([
    ["people: names and a birth date", ["firstName", "lastName", "birthDate"], "people", []],
    ["people: one name column and a birth year", ["fullName", "birthYear"], "people", []],
    ["people: no birth date", ["firstName", "lastName"], "people", ["birthDate"]],
    ["people: no last name", ["firstName", "birthDate"], "people", ["lastName"]],
    ["participation: head-counts", ["date", "adults", "children"], "participation", []],
    ["participation: no date", ["firstName", "lastName"], "participation", ["date"]],
    ["participation: nobody named or counted", ["date", "area"], "participation", ["firstName", "lastName"]],
  ] as const)("%s", (_, mapping, kind, missing) => {
    expect(missingFields([...mapping], kind)).toEqual(missing);
  });
});
