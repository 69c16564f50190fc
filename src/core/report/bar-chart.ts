/**
 * Tags per category as an inline SVG bar chart: no script, no external font or image, so it
 * renders the same in a browser, a VS Code webview, a Markdown preview and on paper.
 */
import type { MatrixCategory } from './evidence-matrix';

const WIDTH = 720;
const LABEL_WIDTH = 330;
const ROW = 24;
const BAR = 16;
const TOP = 8;
const COUNT_WIDTH = 48;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function barChartSvg(categories: readonly MatrixCategory[]): string {
  const max = Math.max(1, ...categories.map((c) => c.total));
  const height = TOP * 2 + Math.max(1, categories.length) * ROW;
  const scale = (WIDTH - LABEL_WIDTH - COUNT_WIDTH) / max;
  const rows = categories.map((category, i) => {
    const y = TOP + i * ROW;
    const width = Math.max(2, Math.round(category.total * scale));
    const label = escapeXml(truncate(category.label, 40));
    return [
      `<text x="${LABEL_WIDTH - 8}" y="${y + BAR - 3}" text-anchor="end">${label}</text>`,
      `<rect x="${LABEL_WIDTH}" y="${y}" width="${width}" height="${BAR}" rx="2" fill="${escapeXml(category.color)}"><title>${escapeXml(category.label)}: ${category.total}</title></rect>`,
      `<text x="${LABEL_WIDTH + width + 6}" y="${y + BAR - 3}">${category.total}</text>`,
    ].join('');
  });
  const empty = categories.length === 0 ? `<text x="${LABEL_WIDTH}" y="${TOP + BAR - 3}">no tags yet</text>` : '';
  const summary = categories.map((c) => `${c.label}: ${c.total}`).join(', ') || 'no tags';
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="system-ui, sans-serif" font-size="13" fill="currentColor">`
    + `<title>Tags per category: ${escapeXml(summary)}</title>${rows.join('')}${empty}</svg>`;
}
