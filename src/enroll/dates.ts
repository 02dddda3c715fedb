// Dates as the API writes them (ISO 8601, `2010-07-15`): pure.

/** A real calendar date as YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v);
}

/** Today in Korea (UTC+9, no daylight saving), where the devices are. */
export function buildKoreanDate(now: Date): string {
  return new Date(now.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}
