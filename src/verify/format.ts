// Human text for sizes and ratios, the way container engines print them: decimal units
// (1 GB = 1000^3 bytes, as `docker images` and `podman images` show).

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

/** 1210000000 -> "1.21 GB", 74000000 -> "74 MB", 2800000 -> "2.8 MB". */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '?';
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  // Three significant digits below 10, whole numbers above: "1.21 GB", "9.8 MB", "74 MB".
  const text = value >= 10 || unit === 0 ? String(Math.round(value)) : trimZeros(value.toFixed(2));
  return `${text} ${UNITS[unit]}`;
}

function trimZeros(text: string): string {
  return text.replace(/\.?0+$/, '');
}

/** naive / final, rounded as people say it: "16x", "3.2x". */
export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio) || ratio <= 0) return '?';
  const shown = ratio >= 1 ? ratio : 1 / ratio;
  const text = shown >= 10 ? String(Math.round(shown)) : trimZeros(shown.toFixed(1));
  return ratio >= 1 ? `${text}x smaller` : `${text}x larger`;
}

/** "1.21 GB -> 74 MB (16x smaller)" */
export function formatComparison(naiveBytes: number, finalBytes: number): string {
  const ratio = finalBytes > 0 ? naiveBytes / finalBytes : Number.NaN;
  return `${formatBytes(naiveBytes)} -> ${formatBytes(finalBytes)} (${formatRatio(ratio)})`;
}

/** Seconds with one decimal below a minute, "2 min 05 s" above. */
export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = Math.round(seconds - minutes * 60);
  return `${minutes} min ${String(rest).padStart(2, '0')} s`;
}

/** "2.79 MB" -> 2790000: buildah prints image sizes only this way (decimal units). */
export function parseBytes(text: string): number | null {
  const match = /^\s*([\d.]+)\s*(B|kB|KB|MB|GB|TB)\s*$/.exec(text);
  if (!match) return null;
  const power = { B: 0, kB: 1, KB: 1, MB: 2, GB: 3, TB: 4 }[match[2] as 'B' | 'kB' | 'KB' | 'MB' | 'GB' | 'TB'];
  const value = Number(match[1]);
  return Number.isFinite(value) ? Math.round(value * 1000 ** power) : null;
}
