/**
 * A string union that stays open: editors still complete the known values, and values a
 * newer CLI sends still type-check. Used for wire fields that are not discriminants.
 */
export type OpenString<T extends string> = T | (string & {});
