import { describe, expect, it } from "vitest";
import { copenhagenInstant } from "../dates.ts";
import { badgeOf, copenhagenWeek, deskView, matchesSearch, phaseOf, type DeskActivity, type DeskSession } from "./desk.ts";

/** A session on a Copenhagen day from one time to another. */
const at = (day: string, from: string, to: string, cancelled = false): DeskSession => ({
  id: `${day}-${from}${cancelled ? "-x" : ""}`,
  startsAt: copenhagenInstant(day, from),
  endsAt: copenhagenInstant(day, to),
  cancelledAt: cancelled ? new Date(0) : null,
});

const activity = (id: string, sessions: DeskSession[], more: Partial<DeskActivity> = {}): DeskActivity & { title: string } => ({
  id,
  title: id,
  status: "PUBLISHED",
  capacity: 10,
  requiresSignUp: true,
  confirmed: 0,
  waiting: 0,
  sessions,
  searchText: "",
  ...more,
});

// Wednesday 9 December 2026, 16:30 in Copenhagen (winter time, UTC+1).
const NOW = copenhagenInstant("2026-12-09", "16:30");

describe("which group an activity lands in, at a Copenhagen time", () => {
  it.each([
    ["a date running now", [at("2026-12-09", "16:00", "18:00")], "current"],
    ["begun in November, a date still to come", [at("2026-11-04", "16:00", "18:00"), at("2026-12-16", "16:00", "18:00")], "current"],
    ["first date tomorrow", [at("2026-12-10", "16:00", "18:00")], "upcoming"],
    ["first date starts in a minute", [at("2026-12-09", "16:31", "18:00")], "upcoming"],
    ["first date started this very minute", [at("2026-12-09", "16:30", "18:00")], "current"],
    ["last date ended a minute ago", [at("2026-12-09", "14:00", "16:29")], "ended"],
    ["last date ends this very minute", [at("2026-12-09", "15:00", "16:30")], "ended"],
    ["the only date to come is cancelled", [at("2026-12-02", "16:00", "18:00"), at("2026-12-16", "16:00", "18:00", true)], "ended"],
    ["every date cancelled", [at("2026-12-16", "16:00", "18:00", true)], "ended"],
    ["no dates yet (a draft being written)", [], "upcoming"],
  ] as const)("%s → %s", (_, sessions, phase) => {
    expect(phaseOf({ status: "PUBLISHED", sessions: [...sessions] }, NOW)).toBe(phase);
  });

  it("a cancelled activity has ended, even with dates ahead", () => {
    expect(phaseOf({ status: "CANCELLED", sessions: [at("2026-12-16", "16:00", "18:00")] }, NOW)).toBe("ended");
  });
});

describe("the Copenhagen week", () => {
  it.each([
    // [now (Copenhagen), Monday, Sunday]
    ["2026-12-07 00:00", "2026-12-07", "2026-12-13"], // Monday at midnight begins the week
    ["2026-12-13 23:59", "2026-12-07", "2026-12-13"], // Sunday late is still the same week
    ["2026-12-14 00:00", "2026-12-14", "2026-12-20"],
    ["2026-12-31 12:00", "2026-12-28", "2027-01-03"], // across the new year
    ["2026-03-29 03:30", "2026-03-23", "2026-03-29"], // the spring clock change
    ["2026-10-25 02:30", "2026-10-19", "2026-10-25"], // the autumn clock change
  ])("%s lies in the week %s–%s", (now, monday, sunday) => {
    const [day, time] = now.split(" ") as [string, string];
    const week = copenhagenWeek(copenhagenInstant(day, time));
    expect({ monday: week.monday, sunday: week.sunday }).toEqual({ monday, sunday });
    expect(week.from).toEqual(copenhagenInstant(monday, "00:00"));
  });

  it("Sunday 23:30 in Copenhagen is Sunday 22:30 UTC: this week; Monday 00:30 Copenhagen is Sunday 23:30 UTC: next week", () => {
    const sunday = activity("sunday", [at("2026-12-13", "23:30", "23:59")]);
    const monday = activity("monday", [at("2026-12-14", "00:30", "01:30")]);
    const lastSunday = activity("last-sunday", [at("2026-12-06", "23:30", "23:59")]);
    expect(sunday.sessions[0]!.startsAt.toISOString()).toBe("2026-12-13T22:30:00.000Z");
    expect(monday.sessions[0]!.startsAt.toISOString()).toBe("2026-12-13T23:30:00.000Z");
    const { items } = deskView([sunday, monday, lastSunday], { view: "week", now: NOW });
    expect(items.map((item) => item.id)).toEqual(["sunday"]);
  });

  it("this week lists an activity of any group with a date this week (Monday's ended one too), each with this week's dates, sorted by the first", () => {
    const mondayOnly = activity("Monday's last date", [at("2026-11-30", "10:00", "11:00"), at("2026-12-07", "10:00", "11:00")]);
    const weekly = activity("Weekly", [at("2026-12-08", "16:00", "18:00"), at("2026-12-10", "16:00", "18:00"), at("2026-12-10", "19:00", "20:00", true)]);
    const nextWeek = activity("Next week", [at("2026-12-14", "16:00", "18:00")]);
    const { items, counts } = deskView([nextWeek, weekly, mondayOnly], { view: "week", now: NOW });
    expect(items.map((item) => [item.id, item.phase, item.weekSessions.map((session) => session.id)])).toEqual([
      ["Monday's last date", "ended", ["2026-12-07-10:00"]],
      ["Weekly", "current", ["2026-12-08-16:00", "2026-12-10-16:00"]],
    ]);
    expect(counts).toEqual({ current: 1, upcoming: 1, ended: 1, week: 2 });
  });
});

describe("search and badges", () => {
  it("finds by every word, in any case, in the title, type, area or place", () => {
    expect(matchesSearch("Fodbold for piger Sport Gl. Jennumparken", "fodbold JENNUM")).toBe(true);
    expect(matchesSearch("Fodbold for piger Sport Gl. Jennumparken", "fodbold  Vorup")).toBe(false);
    expect(matchesSearch("Lektiecafé", "lektiecafé")).toBe(true);
    expect(matchesSearch("مقهى الواجبات", "الواجبات")).toBe(true);
  });

  it("a search narrows every group and the counts", () => {
    const football = activity("Fodbold", [at("2026-12-10", "16:00", "18:00")], { searchText: "Sport Jennumparken" });
    const homework = activity("Lektiecafé", [at("2026-12-09", "16:00", "18:00")], { searchText: "Læring Vorup" });
    const { items, counts } = deskView([football, homework], { view: "upcoming", query: "jennumparken", now: NOW });
    expect(items.map((item) => item.id)).toEqual(["Fodbold"]);
    expect(counts).toEqual({ current: 0, upcoming: 1, ended: 0, week: 1 });
  });

  it.each([
    ["an ended activity", { sessions: [at("2026-12-01", "16:00", "18:00")], waiting: 3 }, "ended"],
    ["a cancelled one", { status: "CANCELLED" as const }, "cancelled"],
    ["a draft", { status: "DRAFT" as const }, "draft"],
    ["drop-in", { requiresSignUp: false }, "dropIn"],
    ["families waiting", { confirmed: 10, waiting: 2 }, "waitingList"],
    ["every place taken, nobody waiting", { confirmed: 10 }, "full"],
    ["places left", { confirmed: 9 }, "open"],
    ["no limit", { capacity: null, confirmed: 500 }, "open"],
  ])("%s shows %s", (_, more, badge) => {
    expect(badgeOf(activity("x", [at("2026-12-16", "16:00", "18:00")], more), NOW)).toBe(badge);
  });

  it("sorts by name, by status or by the next date; ended ones by their latest date first", () => {
    const list = [
      activity("Bordtennis", [at("2026-12-20", "10:00", "11:00")]),
      activity("Anden", [at("2026-12-11", "10:00", "11:00")], { confirmed: 10 }),
      activity("Cykler", [at("2026-12-12", "10:00", "11:00")], { waiting: 1 }),
      activity("Old", [at("2026-10-01", "10:00", "11:00")]),
      activity("Older", [at("2026-09-01", "10:00", "11:00")]),
    ];
    const ids = (options: Parameters<typeof deskView>[1]) => deskView(list, options).items.map((item) => item.id);
    expect(ids({ view: "upcoming", now: NOW })).toEqual(["Anden", "Cykler", "Bordtennis"]);
    expect(ids({ view: "upcoming", sort: "name", now: NOW })).toEqual(["Anden", "Bordtennis", "Cykler"]);
    expect(ids({ view: "upcoming", sort: "status", now: NOW })).toEqual(["Cykler", "Anden", "Bordtennis"]);
    expect(ids({ view: "ended", now: NOW })).toEqual(["Old", "Older"]);
  });
});
