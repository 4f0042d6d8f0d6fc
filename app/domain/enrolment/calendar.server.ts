// Calendars: an .ics file per sign-up (all its sessions) and a private feed
// per household that a phone calendar subscribes to. The feed URL carries a
// random secret; only its SHA-256 is stored, and it can be revoked or
// replaced. Times are written in UTC, which every calendar shows in local
// (Europe/Copenhagen) time; cancelled sessions are marked cancelled.
import { randomBytes } from "node:crypto";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { createEvents, type EventAttributes } from "ics";
import { db } from "~/lib/db.server.ts";
import { appUrl } from "~/lib/env.server.ts";
import { foldCalendar } from "~/lib/ics.ts";
import type { Language } from "~/lib/i18n.ts";
import { hashToken } from "~/lib/session.server.ts";
import { textIn } from "../activities/text.ts";
import { forExport } from "../text-rules.ts";
import { joinNames } from "./notify.server.ts";

const FEED_PAST_DAYS = 30;

type SignUpForCalendar = {
  id: string;
  activity: {
    slug: string;
    title: unknown;
    place: string;
    address: string | null;
    sessions: { id: string; startsAt: Date; endsAt: Date; place: string | null; cancelledAt: Date | null }[];
  };
  enrolments: { person: { firstName: string } }[];
};

/**
 * One entry per activity: a family that signed a second child up later has two sign-ups for it, but one place in
 * the calendar — each session once, naming all their children (the oldest sign-up's id keeps the events' ids stable).
 */
function perActivity(signUps: SignUpForCalendar[]): SignUpForCalendar[] {
  const byActivity = new Map<string, SignUpForCalendar>();
  for (const signUp of signUps) {
    const first = byActivity.get(signUp.activity.slug);
    byActivity.set(signUp.activity.slug, first ? { ...first, enrolments: [...first.enrolments, ...signUp.enrolments] } : signUp);
  }
  return [...byActivity.values()];
}

function events(signUps: SignUpForCalendar[], language: Language): EventAttributes[] {
  return perActivity(signUps).flatMap((signUp) => {
    const title = `${textIn(signUp.activity.title, language)} – ${joinNames(
      signUp.enrolments.map((enrolment) => enrolment.person.firstName),
      language,
    )}`;
    return signUp.activity.sessions.map((session): EventAttributes => ({
      uid: `${session.id}.${signUp.id}@aktivitetsportalen`,
      start: session.startsAt.getTime(),
      startInputType: "utc",
      startOutputType: "utc",
      end: session.endsAt.getTime(),
      endInputType: "utc",
      endOutputType: "utc",
      // A calendar file leaves the portal: no direction or invisible characters (text-rules.ts).
      title: forExport(title),
      location: forExport([session.place ?? signUp.activity.place, signUp.activity.address].filter(Boolean).join(", ")),
      url: appUrl(`/activities/${signUp.activity.slug}`),
      status: session.cancelledAt ? "CANCELLED" : "CONFIRMED",
      productId: "aktivitetsportalen",
    }));
  });
}

function render(list: EventAttributes[], title: string): string {
  const calName = forExport(title);
  // An empty calendar is still a valid feed (a subscription must not break).
  if (list.length === 0)
    return foldCalendar(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:aktivitetsportalen", `X-WR-CALNAME:${calName}`, "END:VCALENDAR", ""].join("\r\n"));
  const { error, value } = createEvents(list, { productId: "aktivitetsportalen", calName });
  if (error || !value) throw error ?? new Error("Could not make the calendar");
  // The package folds at 75 characters; RFC 5545 counts octets (Arabic and æøå take two each).
  return foldCalendar(value);
}

const signUpSelect = (since: Date) =>
  ({
    id: true,
    activity: {
      select: {
        slug: true,
        title: true,
        place: true,
        address: true,
        sessions: {
          where: { endsAt: { gt: since } },
          orderBy: { startsAt: "asc" },
          select: { id: true, startsAt: true, endsAt: true, place: true, cancelledAt: true },
        },
      },
    },
    enrolments: { where: { status: "CONFIRMED" }, select: { person: { select: { firstName: true } } } },
  }) as const;

/**
 * The sessions of a sign-up's activity, for a household that owns the sign-up, with every child the household has a
 * place for on it (a child signed up later is on another sign-up); null if not theirs or nothing confirmed.
 */
export async function signUpCalendar(signUpId: string, householdId: string, language: Language): Promise<string | null> {
  const signUp = await db.signUp.findFirst({ where: { id: signUpId, householdId }, select: { activityId: true } });
  if (!signUp) return null;
  const signUps = await db.signUp.findMany({
    where: { householdId, activityId: signUp.activityId, enrolments: { some: { status: "CONFIRMED" } } },
    orderBy: { createdAt: "asc" },
    select: signUpSelect(new Date(0)),
  });
  if (signUps.length === 0) return null;
  return render(events(signUps, language), textIn(signUps[0]!.activity.title, language));
}

/** The household's feed: every confirmed sign-up, from a month back. Null for an unknown or revoked secret. */
export async function householdCalendar(token: string, now = new Date()): Promise<string | null> {
  const household = await db.household.findUnique({
    where: { calendarTokenHash: hashToken(token) },
    select: {
      id: true,
      members: { where: { role: "GUARDIAN" }, select: { person: { select: { language: true, user: { select: { language: true } } } } }, take: 1 },
    },
  });
  if (!household) return null;
  const guardian = household.members[0]?.person;
  const language = (guardian?.user?.language ?? guardian?.language ?? "da") as Language;
  const since = new Date(now.getTime() - FEED_PAST_DAYS * 24 * 3_600_000);
  const signUps = await db.signUp.findMany({
    where: { householdId: household.id, enrolments: { some: { status: "CONFIRMED" } } },
    orderBy: { createdAt: "asc" },
    select: signUpSelect(since),
  });
  return render(events(signUps, language), "Aktivitetsportalen");
}

/** Makes (or replaces) the household's feed secret; returns the feed path, shown once. */
export async function createCalendarFeed(householdId: string): Promise<string> {
  const token = encodeBase32LowerCaseNoPadding(randomBytes(20));
  await db.household.update({ where: { id: householdId }, data: { calendarTokenHash: hashToken(token) } });
  return `/calendar/${token}.ics`;
}

export async function revokeCalendarFeed(householdId: string): Promise<void> {
  await db.household.update({ where: { id: householdId }, data: { calendarTokenHash: null } });
}
