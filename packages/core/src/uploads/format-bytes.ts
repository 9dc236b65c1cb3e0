// Sizes for people: 1536 -> "1.5 KB", in the locale's digits. One function for core's rejection
// messages and every element that shows a size.

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

// Building an Intl formatter costs far more than using one (a panel of 200 rows formats ~1000
// values per frame): one per locale and number of decimals.
const formats = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumFractionDigits: digits });
    formats.set(key, format);
  }
  return format;
}

/** 1536 -> "1.5 KB". Decimal places shrink as the number grows, like Google Drive (1 KB = 1024 B); '' for no size. */
export function formatBytes(bytes: number, locale = 'en'): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : value >= 10 ? 1 : 2;
  return `${formatter(locale, digits).format(value)} ${UNITS[unit]}`;
}
