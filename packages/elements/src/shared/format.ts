// Human-readable sizes (core's formatBytes), durations and "time left" strings, locale-aware through
// Intl. Pure functions: the elements call them while rendering, the table tests pin their output.

export { formatBytes } from '@mediabay/core';

// Building an Intl formatter costs far more than using one; a panel of 200 rows formats ~1000
// values per frame, so formatters are made once per locale and options.
const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}
/** 12345 -> "12,345" (en) or "12 345" (fr); `Number#toLocaleString` builds a formatter per call */
export function formatCount(count: number, locale: string): string {
  return numberFormat(locale, {}).format(count);
}

const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * "3 items": the count in the locale's digits and the noun form its plural rules pick (Intl.PluralRules:
 * French says "0 élément", "1,5 élément"; English "0 items"). `one` for the `one` category, `other` else.
 */
export function formatPlural(count: number, locale: string, one: string, other: string): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  return `${formatCount(count, locale)} ${rules.select(count) === 'one' ? one : other}`;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Media duration as a clock: 65_000 -> "1:05", 3_725_000 -> "1:02:05". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '';
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/**
 * Remaining time in the largest sensible unit, rounded up so it never promises too much:
 * 45 -> "45 sec", 90 -> "2 min", 3700 -> "1 hr 2 min". Null or non-finite -> '' (unknown).
 */
export function formatTimeLeft(seconds: number | null, locale = 'en'): string {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return '';
  const unit = (value: number, name: 'second' | 'minute' | 'hour') =>
    numberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  if (seconds < 60) return unit(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 3600) return unit(Math.ceil(seconds / 60), 'minute');
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.ceil((seconds % 3600) / 60);
  return minutes === 0 || minutes === 60
    ? unit(minutes === 60 ? hours + 1 : hours, 'hour')
    : `${unit(hours, 'hour')} ${unit(minutes, 'minute')}`;
}

/** 0-100 -> "42%" (integers; never shows 100% before the value really is 100). */
export function formatPercent(progress: number, locale = 'en'): string {
  const clamped = Math.min(100, Math.max(0, Number.isFinite(progress) ? progress : 0));
  const shown = clamped < 100 ? Math.floor(clamped) : 100;
  return numberFormat(locale, { style: 'percent' }).format(shown / 100);
}

/** ISO date -> short local date ("Nov 26, 2026"). */
export function formatDate(iso: string, locale = 'en'): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    dateFormats.set(locale, format);
  }
  return format.format(date);
}
