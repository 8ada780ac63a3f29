// A plain SVG bar chart of final image sizes per fixture: ours, @flydotio/dockerfile's (Node
// apps) and the naive single-stage image, each bar labelled with its size. No dependencies:
// the SVG is written by hand so the bench adds nothing to the project.
const COLORS = { ours: '#2f7d32', other: '#6d5fd5', naive: '#b0463c' };
const LABELS = { ours: 'create-slim-image', other: '@flydotio/dockerfile', naive: 'naive single-stage' };

/** rows: [{ name, ours, other, naive }] with sizes in MB or null (not built). */
export function sizeChart(rows, { title = 'Final image size per fixture (MB, smaller is better)' } = {}) {
  const kinds = ['ours', 'other', 'naive'];
  const barH = 14;
  const gap = 2;
  const groupGap = 14;
  const left = 210;
  const plotW = 560;
  const top = 56;
  const groupH = kinds.length * (barH + gap) + groupGap;
  const height = top + rows.length * groupH + 30;
  const width = left + plotW + 90;
  const max = Math.max(1, ...rows.flatMap((row) => kinds.map((k) => row[k] ?? 0)));
  const scale = plotW / max;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`);
  out.push(`<rect width="100%" height="100%" fill="#ffffff"/>`);
  out.push(`<text x="${left}" y="20" font-size="14" font-weight="bold">${esc(title)}</text>`);
  kinds.forEach((kind, i) => {
    const x = left + i * 170;
    out.push(`<rect x="${x}" y="32" width="12" height="12" fill="${COLORS[kind]}"/>`);
    out.push(`<text x="${x + 16}" y="42">${esc(LABELS[kind])}</text>`);
  });
  // Grid lines at round values.
  const step = niceStep(max / 5);
  for (let v = 0; v <= max; v += step) {
    const x = left + v * scale;
    out.push(`<line x1="${x.toFixed(1)}" y1="${top - 4}" x2="${x.toFixed(1)}" y2="${height - 24}" stroke="#e3e3e3"/>`);
    out.push(`<text x="${x.toFixed(1)}" y="${height - 10}" text-anchor="middle" fill="#666">${v}</text>`);
  }
  rows.forEach((row, r) => {
    const y0 = top + r * groupH;
    out.push(`<text x="${left - 8}" y="${y0 + (kinds.length * (barH + gap)) / 2 + 4}" text-anchor="end">${esc(row.name)}</text>`);
    kinds.forEach((kind, k) => {
      const y = y0 + k * (barH + gap);
      const value = row[kind];
      if (value === null || value === undefined) {
        const why = kind === 'other' && row.language !== 'node' ? 'n/a (Node only)' : 'not built';
        out.push(`<text x="${left + 4}" y="${y + barH - 3}" fill="#999">${esc(`${LABELS[kind]}: ${why}`)}</text>`);
        return;
      }
      const w = Math.max(1, value * scale);
      out.push(`<rect class="bar" x="${left}" y="${y}" width="${w.toFixed(1)}" height="${barH}" fill="${COLORS[kind]}"/>`);
      out.push(`<text x="${(left + w + 4).toFixed(1)}" y="${y + barH - 3}">${formatMb(value)}</text>`);
    });
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

export function formatMb(mb) {
  return mb >= 100 ? `${Math.round(mb)} MB` : `${mb.toFixed(1)} MB`;
}

function niceStep(raw) {
  const pow = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? raw;
}

function esc(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
