// The pictograms an activity type may use. app/components/icons.tsx draws
// each of them (its type checks that none is missing); the admin form offers them.
export const ICON_NAMES = ["family", "sun", "book", "ball", "star", "heart", "briefcase", "clipboard"] as const;
export type IconChoice = (typeof ICON_NAMES)[number];
