// Pocket-money jobs are for 13–17 year olds (no employment under 13; adults are not "young people").
export const YOUTH_MIN_AGE = 13;
export const YOUTH_MAX_AGE = 17;
