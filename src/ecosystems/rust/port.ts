// Listen addresses in Rust sources: "0.0.0.0:8080" literals, (host, port) tuples as actix binds,
// ([0, 0, 0, 0], 3000) arrays as axum/warp examples write, and PORT defaults.
export interface PortHit {
  port: number;
  loopback: boolean;
  evidence: string;
}

const PATTERNS: Array<{ re: RegExp; host: (m: RegExpExecArray) => string; port: (m: RegExpExecArray) => string }> = [
  // "0.0.0.0:8080", "127.0.0.1:3000", "[::]:80", ":8080"
  { re: /"((?:\d{1,3}(?:\.\d{1,3}){3})|localhost|\[[0-9a-fA-F:]*\]|)?:(\d{2,5})"/, host: (m) => m[1] ?? '', port: (m) => m[2] as string },
  // .bind(("0.0.0.0", 8080))
  { re: /\(\s*"([^"]*)"\s*,\s*(\d{2,5})\s*\)/, host: (m) => m[1] as string, port: (m) => m[2] as string },
  // SocketAddr::from(([0, 0, 0, 0], 3000)), warp::serve(..).run(([127, 0, 0, 1], 3030))
  { re: /\[\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*\]\s*,\s*(\d{2,5})\s*\)/, host: (m) => `${m[1]}.${m[2]}.${m[3]}.${m[4]}`, port: (m) => m[5] as string },
  // env::var("PORT").unwrap_or_else(|_| "8080".into())
  { re: /var\("PORT"\)[\s\S]{0,80}?"(\d{2,5})"/, host: () => '', port: (m) => m[1] as string },
];

export function rustPort(text: string): PortHit | null {
  const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
  let best: (PortHit & { index: number }) | null = null;
  for (const { re, host, port } of PATTERNS) {
    const m = re.exec(code);
    if (!m) continue;
    const value = Number(port(m));
    if (!(value > 0 && value < 65536)) continue;
    if (best === null || m.index < best.index) {
      const h = host(m);
      best = { port: value, loopback: h === 'localhost' || h.startsWith('127.') || h === '[::1]', evidence: m[0].replace(/\s+/g, ' ').slice(0, 60), index: m.index };
    }
  }
  if (best === null) return null;
  const { index: _index, ...hit } = best;
  return hit;
}
