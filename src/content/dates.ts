const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Normalizes a front-matter date to ISO 8601: `YYYY-MM-DD` when no time was given, else the
 * date and time as written (with `T`). Returns undefined for anything that is not a valid date.
 */
export function normalizeDate(value: unknown): string | undefined {
  if (value instanceof Date) {
    // TOML dates (smol-toml's TomlDate prints a date-only value as YYYY-MM-DD).
    return Number.isNaN(value.getTime()) ? undefined : normalizeDate(value.toISOString());
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const m = ISO_DATE.exec(text);
  if (!m) return writtenDate(text);
  const [, y, mo, d, h, mi, s, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  const probe = new Date(Date.UTC(Number(y), month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return undefined;
  if (h === undefined) return `${y}-${mo}-${d}`;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59) return undefined;
  return `${y}-${mo}-${d}T${h}:${mi}:${s ?? '00'}${zone ?? ''}`;
}

const MONTH_FIRST = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/;
const DAY_FIRST = /^(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})$/;

/** A date written out, as Astro's starter does: "Jul 08 2022", "July 8, 2022", "8 July 2022". */
function writtenDate(text: string): string | undefined {
  const m = MONTH_FIRST.exec(text);
  const d = m ? undefined : DAY_FIRST.exec(text);
  const [month, day, year] = m ? [m[1]!, m[2]!, m[3]!] : d ? [d[2]!, d[1]!, d[3]!] : [];
  if (!month) return undefined;
  const index = MONTHS.findIndex((name) => name.toLowerCase().startsWith(month.toLowerCase()));
  if (index < 0 || (month.length > 3 && MONTHS[index]!.toLowerCase() !== month.toLowerCase())) return undefined;
  return normalizeDate(`${year}-${String(index + 1).padStart(2, '0')}-${day!.padStart(2, '0')}`);
}

/** "March 3, 2026" (Hugo's "January 2, 2006"), from the date as written, without time zones. */
export function formatDate(iso: string | undefined): string {
  if (!iso) return 'no date';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!m || !month) return 'no date';
  return `${month} ${Number(m[3])}, ${m[1]}`;
}

// Sorting thousands of posts asks for the same dates over and over: parse each once.
const sortKeys = new Map<string, number>();

/** Sort key: milliseconds since the epoch, or -Infinity for posts without a date. */
export function dateSortKey(iso: string | undefined): number {
  if (!iso) return Number.NEGATIVE_INFINITY;
  let key = sortKeys.get(iso);
  if (key === undefined) {
    const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
    key = Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
    if (sortKeys.size < 100_000) sortKeys.set(iso, key);
  }
  return key;
}

/** "fetched 3 h ago": how old a feed's copy is (minutes, hours, then days). */
export function fetchedAgo(iso: string, now = Date.now()): string {
  const minutes = Math.round((now - Date.parse(iso)) / 60_000);
  if (!Number.isFinite(minutes)) return 'fetched at an unknown time';
  if (minutes < 1) return 'fetched just now';
  if (minutes < 60) return `fetched ${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `fetched ${hours} h ago`;
  return `fetched ${Math.round(hours / 24)} days ago`;
}
