// "My activities shows what is next" (issue 19): one card per activity however many sign-ups the family made for it,
// the next date with its place and what to bring, and until when a place may be cancelled; one calendar entry too.
import { describe, expect, it } from "vitest";
import { createCalendarFeed, householdCalendar, signUpCalendar } from "../../app/domain/enrolment/calendar.server.ts";
import { householdActivities } from "../../app/domain/enrolment/my-activities.server.ts";
import { db } from "../../app/lib/db.server.ts";
import { activity, household, signUpFamily } from "../setup/fixtures.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, "");

async function signedUpTwice() {
  const first = new Date(Date.now() + 3 * DAY);
  const camp = await activity({
    capacity: 10,
    cancelDeadlineHours: 24,
    sessions: [
      { startsAt: first, endsAt: new Date(first.getTime() + 2 * HOUR) },
      { startsAt: new Date(first.getTime() + 7 * DAY), endsAt: new Date(first.getTime() + 7 * DAY + 2 * HOUR) },
    ],
  });
  const firstSession = camp.sessions.find((session) => session.startsAt.getTime() === first.getTime())!;
  await db.activitySession.update({ where: { id: firstSession.id }, data: { place: "Hallen" } });
  await db.activity.update({ where: { id: camp.id }, data: { practicalInfo: { da: "Madpakke og indesko", ar: "وجبة غداء وحذاء رياضي" } } });
  const family = await household({ children: [{ firstName: "Lina" }, { firstName: "Omar" }] });
  // Lina first; Omar a week later, on a sign-up of his own.
  const lina = await signUpFamily(camp.id, family, { personIds: [family.children[0]!.id] });
  const omar = await signUpFamily(camp.id, family, { personIds: [family.children[1]!.id] });
  return { camp, family, first, signUpIds: [lina.signUpId, omar.signUpId] };
}

describe("My activities: what is next", () => {
  it("shows one card per activity for children signed up apart, with the next date, its place, what to bring and the deadline", async () => {
    const { family, first } = await signedUpTwice();
    const items = await householdActivities(family.id);
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item!.people.map((person) => person.name)).toEqual(["Lina Test", "Omar Test"]);
    expect(item!.next).toEqual({ startsAt: first, endsAt: new Date(first.getTime() + 2 * HOUR), place: "Hallen" });
    expect(item!.activity.practicalInfo).toEqual({ da: "Madpakke og indesko", ar: "وجبة غداء وحذاء رياضي" });
    expect(item!.cancelDeadline).toEqual(new Date(first.getTime() - 24 * HOUR));
    expect(item!.people.every((person) => person.mayCancel)).toBe(true);
  });

  it("gives one calendar file with both children, each date once — from either sign-up, and in the family's feed", async () => {
    const { family, signUpIds } = await signedUpTwice();
    for (const signUpId of signUpIds) {
      const ics = unfold((await signUpCalendar(signUpId, family.id, "da"))!);
      expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
      expect(ics).toMatch(/SUMMARY:.* – Lina og Omar/);
    }
    const feed = await createCalendarFeed(family.id);
    const token = /\/calendar\/([a-z2-7]+)\.ics$/.exec(feed)![1]!;
    expect(unfold((await householdCalendar(token))!).match(/BEGIN:VEVENT/g)).toHaveLength(2);
  });
});
