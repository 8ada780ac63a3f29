// The port a program's own config file gives its server (a YAML/TOML/JSON file the code reads at
// start: `application.port: 8000`, `listen_address = "0.0.0.0:8071"`). Only the server's own
// sections are read, never a database's or a client's `port`.
/** Sections of a config file that describe the program's own server (not its database or clients). */
const SERVER_SECTIONS = ['', 'application', 'app', 'server', 'http', 'web', 'api', 'listen', 'service'];
const PORT_KEYS = ['port', 'http_port', 'server_port', 'listen_port'];
const ADDRESS_KEYS = ['listen_address', 'listen_addr', 'listen', 'bind_address', 'bind_addr', 'bind', 'address', 'addr', 'http_address', 'server_address'];

/** The port a parsed config file gives its server, and the key path it sits at. */
export function configPort(data: unknown): { port: number; key: string; loopback: boolean } | null {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const root = data as Record<string, unknown>;
  for (const section of SERVER_SECTIONS) {
    const table = section === '' ? root : root[section];
    if (table === null || typeof table !== 'object' || Array.isArray(table)) continue;
    const t = table as Record<string, unknown>;
    const at = (key: string) => (section === '' ? key : `${section}.${key}`);
    for (const key of PORT_KEYS) {
      const value = typeof t[key] === 'string' && /^\d+$/.test(t[key] as string) ? Number(t[key]) : t[key];
      if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 65536) return { port: value, key: at(key), loopback: false };
    }
    for (const key of ADDRESS_KEYS) {
      const m = typeof t[key] === 'string' ? /^(.*):(\d{2,5})$/.exec(t[key] as string) : null;
      if (m && Number(m[2]) < 65536) {
        const host = m[1] as string;
        return { port: Number(m[2]), key: at(key), loopback: host === 'localhost' || host.startsWith('127.') || host === '[::1]' };
      }
    }
  }
  return null;
}
