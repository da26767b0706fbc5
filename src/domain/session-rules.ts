/** Sign-in throttling and session lifetime; docs/decisions/019-accounts-management.md explains the numbers. */
export const SESSION_RULES = {
  /** Wrong passwords in a row that lock a name (existing or not) … */
  maxFailures: 5,
  /** … for 1 minute, then 2, 4, … up to 60 for each further lock, */
  firstLockMinutes: 1,
  maxLockMinutes: 60,
  /** … until the name has been quiet this long. */
  forgetLockoutHours: 24,
  /** Per address: a short sliding window, so one address's failures never block a NAT for long. */
  ipWindowMinutes: 5,
  ipMaxFailures: 30,
  sessionHours: 12,
  idleMinutes: 120,
} as const;

/** How long the first administrator's one-time setup link stays usable. */
export const SETUP_LINK_HOURS = 24;
