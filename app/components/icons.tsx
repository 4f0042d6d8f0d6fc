// Pictograms for activity types and the start page: many parents read
// little Danish, so every kind of activity also has a picture. Decorative
// (aria-hidden): the text next to them carries the meaning.
import type { SVGProps } from "react";
import type { IconChoice } from "~/domain/activities/icon-names.ts";

const paths = {
  family:
    "M7 7a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Zm10 0a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5ZM12 12a2 2 0 1 0 0-4 2 2 0 0 0 0 4ZM3 21v-7a3 3 0 0 1 3-3h2a3 3 0 0 1 3 3v7H3Zm10 0v-4a2 2 0 0 1 2-2h0a2 2 0 0 1 2 2v4h-4Zm5 0v-7a3 3 0 0 1 3-3h0v10h-3Z",
  sun: "M12 17a5 5 0 1 0 0-10 5 5 0 0 0 0 10ZM12 1v3m0 16v3M4.2 4.2l2.1 2.1m11.4 11.4 2.1 2.1M1 12h3m16 0h3M4.2 19.8l2.1-2.1M17.7 6.3l2.1-2.1",
  book: "M4 4.5A2.5 2.5 0 0 1 6.5 2H20v17H6.5A2.5 2.5 0 0 0 4 21.5v-17ZM4 21.5A2.5 2.5 0 0 1 6.5 19H20v3H6.5A2.5 2.5 0 0 1 4 21.5ZM8 6h8M8 10h6",
  ball: "M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20Zm0-15 4 3-1.5 5h-5L8 10l4-3Zm0 0V2m4 8 5-2m-6.5 7 3 4.5m-8-4.5-3 4.5M8 10 3 8",
  star: "m12 2 3.1 6.3 6.9 1-5 4.9 1.2 6.8L12 17.8 5.8 21l1.2-6.8-5-4.9 6.9-1L12 2Z",
  heart: "M12 21s-8-5.3-8-11a4.5 4.5 0 0 1 8-2.8A4.5 4.5 0 0 1 20 10c0 5.7-8 11-8 11Z",
  briefcase: "M3 8h18v12H3V8Zm5 0V5a1 1 0 0 1 1-1h6a1 1 0 0 1 1 1v3M3 13h18",
  clipboard: "M9 3h6v3H9V3ZM6 5h3m6 0h3v16H6V5Zm3 7h6m-6 4h4",
  // Small pictograms for the facts on a catalogue card.
  clock: "M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20Zm0-15v5l3.5 2",
  pin: "M12 22s-7-6.2-7-12a7 7 0 0 1 14 0c0 5.8-7 12-7 12Zm0-9.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z",
  person: "M12 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 10a7 7 0 0 1 14 0",
  money: "M3 7h18v10H3V7Zm9 7.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5ZM6.5 10v4m11-4v4",
} satisfies Record<IconChoice, string> & Record<string, string>;

export type IconName = keyof typeof paths;
/** Names come from the database (activity types): an unknown one draws the star. */
const byName: Record<string, string> = paths;

export function Icon({ name, ...props }: { name: string } & SVGProps<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      <path d={byName[name] ?? paths.star} />
    </svg>
  );
}
