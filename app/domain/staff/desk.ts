// The staff start page's sorting of activities: which are running now, which are still to start, which have ended,
// and which meet this Copenhagen week; a search by name, area and type; and the one status word each activity shows.
// Plain values in, plain values out (the list is read by staffActivityList).
import { addDaysToDay, copenhagenMidnight, localParts, mondayOf } from "../dates.ts";

export const DESK_VIEWS = ["current", "upcoming", "ended", "week"] as const;
export type DeskView = (typeof DESK_VIEWS)[number];
export const DESK_SORTS = ["next", "name", "status"] as const;
export type DeskSort = (typeof DESK_SORTS)[number];

export type DeskSession = { id: string; startsAt: Date; endsAt: Date; cancelledAt: Date | null };

export type DeskActivity = {
  id: string;
  status: "DRAFT" | "PUBLISHED" | "CANCELLED";
  capacity: number | null;
  requiresSignUp: boolean;
  confirmed: number;
  waiting: number;
  /** Every session, cancelled ones too. */
  sessions: DeskSession[];
  /** What a search looks in: the title in every language, the type, the effort area, the housing areas, the place. */
  searchText: string;
};

/** When an activity lies, at an instant: running (a date has begun and one is still to end), to start, or ended. */
export type Phase = "current" | "upcoming" | "ended";

/**
 * - ended: cancelled, or every date that is not cancelled has ended (an activity whose dates were all cancelled too);
 * - current: its first date has begun and a date is still to end;
 * - upcoming: no date has begun yet (a draft without dates too).
 */
export function phaseOf(activity: Pick<DeskActivity, "status" | "sessions">, now: Date): Phase {
  if (activity.status === "CANCELLED") return "ended";
  const held = activity.sessions.filter((session) => !session.cancelledAt);
  if (held.length === 0) return activity.sessions.length ? "ended" : "upcoming";
  if (held.every((session) => session.endsAt <= now)) return "ended";
  return held.some((session) => session.startsAt <= now) ? "current" : "upcoming";
}

/** The one status an activity shows (a badge, not a button). */
export type DeskBadge = "draft" | "cancelled" | "ended" | "dropIn" | "full" | "waitingList" | "open";

export function badgeOf(activity: Omit<DeskActivity, "id" | "searchText">, now: Date): DeskBadge {
  if (activity.status === "CANCELLED") return "cancelled";
  if (phaseOf(activity, now) === "ended") return "ended";
  if (activity.status === "DRAFT") return "draft";
  if (!activity.requiresSignUp) return "dropIn";
  if (activity.waiting > 0) return "waitingList";
  if (activity.capacity !== null && activity.confirmed >= activity.capacity) return "full";
  return "open";
}

/** The Copenhagen week (Monday 00:00 up to the next Monday 00:00) an instant lies in, as instants and days. */
export function copenhagenWeek(now: Date): { monday: string; sunday: string; from: Date; until: Date } {
  const monday = mondayOf(localParts(now).day);
  const next = addDaysToDay(monday, 7);
  return { monday, sunday: addDaysToDay(monday, 6), from: copenhagenMidnight(monday), until: copenhagenMidnight(next) };
}

/** Sessions (not cancelled) that begin in this Copenhagen week. */
export function sessionsThisWeek(sessions: DeskSession[], now: Date): DeskSession[] {
  const { from, until } = copenhagenWeek(now);
  return sessions.filter((session) => !session.cancelledAt && session.startsAt >= from && session.startsAt < until);
}

/** Case and spacing folded; letters kept as they are (æ, ø, å and Arabic are letters of their own). */
const fold = (text: string) => text.toLocaleLowerCase("da").replace(/\s+/g, " ").trim();

/** Whether an activity matches a search: every word of it appears somewhere in the activity's search text. */
export function matchesSearch(searchText: string, query: string): boolean {
  const words = fold(query).split(" ").filter(Boolean);
  const haystack = fold(searchText);
  return words.every((word) => haystack.includes(word));
}

const BADGE_ORDER: DeskBadge[] = ["waitingList", "full", "open", "dropIn", "draft", "ended", "cancelled"];

/**
 * The activities a view shows, searched and sorted. "week" keeps those with a date this week, sorted by that date;
 * the others by the next date still to come (ended: the latest date first), by name or by status.
 */
export function deskView<T extends DeskActivity & { title: string }>(
  activities: T[],
  options: { view: DeskView; query?: string; sort?: DeskSort; now: Date },
): {
  items: (T & { phase: Phase; badge: DeskBadge; nextSession: DeskSession | null; lastSession: DeskSession | null; weekSessions: DeskSession[] })[];
  counts: Record<DeskView, number>;
} {
  const { now } = options;
  const query = options.query?.trim() ?? "";
  const found = activities
    .filter((activity) => !query || matchesSearch(`${activity.title} ${activity.searchText}`, query))
    .map((activity) => {
      const held = activity.sessions.filter((session) => !session.cancelledAt).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
      return {
        ...activity,
        phase: phaseOf(activity, now),
        badge: badgeOf(activity, now),
        nextSession: held.find((session) => session.endsAt > now) ?? null,
        lastSession: held.at(-1) ?? null,
        weekSessions: sessionsThisWeek(held, now),
      };
    });
  const counts = {
    current: found.filter((item) => item.phase === "current").length,
    upcoming: found.filter((item) => item.phase === "upcoming").length,
    ended: found.filter((item) => item.phase === "ended").length,
    week: found.filter((item) => item.weekSessions.length > 0).length,
  };
  const shown = found.filter((item) => (options.view === "week" ? item.weekSessions.length > 0 : item.phase === options.view));
  const time = (item: (typeof found)[number]) =>
    options.view === "week"
      ? item.weekSessions[0]!.startsAt.getTime()
      : options.view === "ended"
        ? -(item.lastSession?.startsAt.getTime() ?? 0)
        : (item.nextSession?.startsAt.getTime() ?? Infinity);
  const byName = (a: { title: string }, b: { title: string }) => a.title.localeCompare(b.title, "da");
  const sort = options.sort ?? "next";
  shown.sort((a, b) => {
    if (sort === "name") return byName(a, b);
    if (sort === "status") return BADGE_ORDER.indexOf(a.badge) - BADGE_ORDER.indexOf(b.badge) || time(a) - time(b) || byName(a, b);
    return time(a) - time(b) || byName(a, b);
  });
  return { items: shown, counts };
}
