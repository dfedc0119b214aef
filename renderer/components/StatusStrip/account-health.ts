// account-health.ts — the status strip's words for an account's state. They live in shared/ because
// main's tray icon uses the same ones.
export { HEALTH_LABELS, QUIET_AFTER_MS, accountHealth, ageText, type Health } from '../../../shared/accounts/account-health.ts';
