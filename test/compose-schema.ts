// A structural check of the compose.yaml subset --compose writes, after the Compose
// specification (https://docs.docker.com/reference/compose-file/services/ and .../volumes/):
// every service has an image or a build; ports are "host:container" strings; a healthcheck's
// test is an exec array starting with CMD; depends_on conditions name services that exist (and
// service_healthy ones have a healthcheck); every named volume a service mounts is declared at
// the top level, and every declared volume is used. Returns the problems, [] when there are none.
import { parse } from 'yaml';

const SERVICE_KEYS = ['build', 'image', 'hostname', 'ports', 'environment', 'depends_on', 'volumes', 'healthcheck'];
const CONDITIONS = ['service_started', 'service_healthy', 'service_completed_successfully'];
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const DURATION = /^\d+(ms|s|m|h)$/;

export function composeProblems(text: string): string[] {
  const problems: string[] = [];
  const doc: unknown = parse(text);
  if (!isRecord(doc)) return ['the file is not a mapping'];
  for (const key of Object.keys(doc)) if (key !== 'services' && key !== 'volumes') problems.push(`unexpected top-level key ${key}`);
  const services = doc.services;
  if (!isRecord(services) || Object.keys(services).length === 0) return [...problems, 'services is missing or empty'];
  const declared = doc.volumes === undefined ? {} : doc.volumes;
  if (!isRecord(declared)) return [...problems, 'volumes is not a mapping'];
  const used = new Set<string>();
  for (const [name, service] of Object.entries(services)) {
    const at = `services.${name}`;
    if (!/^[a-z0-9][a-z0-9_.-]*$/.test(name)) problems.push(`${at}: not a valid service name`);
    if (!isRecord(service)) {
      problems.push(`${at}: not a mapping`);
      continue;
    }
    for (const key of Object.keys(service)) if (!SERVICE_KEYS.includes(key)) problems.push(`${at}: unexpected key ${key}`);
    const build = service.build;
    const buildOk = typeof build === 'string' || (isRecord(build) && typeof build.context === 'string' && (build.dockerfile === undefined || typeof build.dockerfile === 'string'));
    if (service.image === undefined && !buildOk) problems.push(`${at}: neither image nor build`);
    if (service.image !== undefined && (typeof service.image !== 'string' || !/^[a-z0-9.-]+(:\d+)?\/[a-z0-9._/-]+:[\w][\w.-]*$/.test(service.image))) {
      problems.push(`${at}.image: not a fully qualified, tagged image (${String(service.image)})`);
    }
    if (service.ports !== undefined) {
      if (!Array.isArray(service.ports)) problems.push(`${at}.ports: not a list`);
      else for (const port of service.ports) if (typeof port !== 'string' || !/^\d{1,5}:\d{1,5}$/.test(port)) problems.push(`${at}.ports: ${String(port)} is not a "host:container" string`);
    }
    if (service.environment !== undefined) {
      if (!isRecord(service.environment)) problems.push(`${at}.environment: not a mapping`);
      else for (const [k, v] of Object.entries(service.environment)) if (typeof v !== 'string') problems.push(`${at}.environment.${k}: not a string`);
    }
    if (service.volumes !== undefined) {
      if (!Array.isArray(service.volumes)) problems.push(`${at}.volumes: not a list`);
      else for (const volume of service.volumes) {
        const [source, target] = typeof volume === 'string' ? volume.split(':') : [];
        if (!source || !target?.startsWith('/')) problems.push(`${at}.volumes: ${String(volume)} is not "name:/path"`);
        else if (!source.startsWith('.') && !source.startsWith('/')) {
          used.add(source);
          if (!(source in declared)) problems.push(`${at}.volumes: named volume ${source} is not declared under the top-level volumes`);
        }
      }
    }
    if (service.healthcheck !== undefined) {
      const hc = service.healthcheck;
      if (!isRecord(hc)) problems.push(`${at}.healthcheck: not a mapping`);
      else {
        const test = hc.test;
        if (!Array.isArray(test) || test[0] !== 'CMD' || test.length < 2 || !test.every((t) => typeof t === 'string')) problems.push(`${at}.healthcheck.test: not an exec array ["CMD", ...]`);
        for (const key of ['interval', 'timeout', 'start_period']) if (hc[key] !== undefined && !DURATION.test(String(hc[key]))) problems.push(`${at}.healthcheck.${key}: not a duration`);
        if (hc.retries !== undefined && !Number.isInteger(hc.retries)) problems.push(`${at}.healthcheck.retries: not a whole number`);
      }
    }
    if (service.depends_on !== undefined) {
      if (!isRecord(service.depends_on)) problems.push(`${at}.depends_on: not a mapping`);
      else for (const [other, spec] of Object.entries(service.depends_on)) {
        const target = services[other];
        if (target === undefined) problems.push(`${at}.depends_on: ${other} is not a service`);
        if (other === name) problems.push(`${at}.depends_on: depends on itself`);
        const condition = isRecord(spec) ? spec.condition : undefined;
        if (typeof condition !== 'string' || !CONDITIONS.includes(condition)) problems.push(`${at}.depends_on.${other}: condition ${String(condition)} is not one of ${CONDITIONS.join(', ')}`);
        if (condition === 'service_healthy' && isRecord(target) && target.healthcheck === undefined) problems.push(`${at}.depends_on.${other}: service_healthy, but ${other} has no healthcheck`);
      }
    }
  }
  for (const volume of Object.keys(declared)) if (!used.has(volume)) problems.push(`volumes.${volume}: declared but no service mounts it`);
  return problems;
}
