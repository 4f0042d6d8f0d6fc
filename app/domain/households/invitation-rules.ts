// The numbers of joining a household (ADR 013), pure so the demo seed can use them too.

/** How long a guardian's invitation stays open. */
export const INVITATION_DAYS = 14;
/** Invitations one account may send a day (an abuse limit: each one shows the inviter's name to whoever holds the number). */
export const INVITATIONS_PER_DAY = 5;
/** Invitations a household may have open at once. */
export const MAX_OPEN_INVITATIONS = 3;
/** Answered and expired invitations are kept this long (staff's "not me" list, the re-invite block), then deleted. */
export const KEEP_ANSWERED_DAYS = 30;
