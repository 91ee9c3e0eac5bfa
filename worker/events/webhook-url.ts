import { DomainError } from "../domain-error";
import type { Settings } from "../env";

export const WEBHOOK_URL_MAX_LENGTH = 2048;

/**
 * Why `value` cannot be a webhook endpoint under `deployEnv`, or null when it can. Production accepts only https
 * URLs whose host is a name other than `localhost` or a public IP literal; development and test also accept http
 * and local hosts (the tests' receiver listens on loopback). Names that resolve to private addresses cannot be
 * told apart here: Workers have no DNS lookup, and their fetch cannot reach a private network anyway.
 */
export function webhookUrlProblem(value: string, deployEnv: Settings["DEPLOY_ENV"]): string | null {
  if (value.length > WEBHOOK_URL_MAX_LENGTH) return `must be at most ${WEBHOOK_URL_MAX_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be an absolute URL";
  }
  const production = deployEnv === "production";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && !production)) {
    return production ? "must use https" : "must use https (or http outside production)";
  }
  if (url.username || url.password) return "must not contain credentials";
  if (production && isLocalHost(url.hostname)) {
    return "must not point at localhost or a private, loopback or link-local address";
  }
  return null;
}

/** Throws INVALID_INPUT naming `url` when the URL is refused. */
export function assertWebhookUrl(value: string, deployEnv: Settings["DEPLOY_ENV"]): void {
  const problem = webhookUrlProblem(value, deployEnv);
  if (!problem) return;
  const message = `url ${problem}`;
  throw new DomainError("INVALID_INPUT", message, { details: [{ path: "url", message, code: "invalid_url" }] });
}

/** `hostname` as URL parses it: IPv4 normalised to dotted decimal, IPv6 in brackets. */
function isLocalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  const v4 = parseIpv4(host);
  if (v4) return isLocalIpv4(v4);
  if (host.startsWith("[") && host.endsWith("]")) return isLocalIpv6(host.slice(1, -1));
  return false;
}

function parseIpv4(host: string): number[] | null {
  const parts = host.split(".");
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part))) return null;
  const octets = parts.map(Number);
  return octets.every((octet) => octet <= 255) ? octets : null;
}

function isLocalIpv4([a = 0, b = 0]: number[]): boolean {
  return (
    a === 0 || // "this network", 0.0.0.0
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // shared address space (carrier-grade NAT)
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}

function isLocalIpv6(address: string): boolean {
  const groups = expandIpv6(address);
  if (!groups) return true; // URL accepted it, so this is a form we do not read: refuse rather than guess
  if (groups.slice(0, 7).every((group) => group === 0) && (groups[7] ?? 0) <= 1) return true; // :: and ::1
  const first = groups[0] ?? 0;
  if ((first & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((first & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  // IPv4-mapped ::ffff:a.b.c.d, which URL writes as ::ffff:xxxx:xxxx.
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = [groups[6], groups[7]];
    return isLocalIpv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  }
  return false;
}

function expandIpv6(address: string): number[] | null {
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((group) => Number.parseInt(group, 16)));
  const head = parse(halves[0] ?? "");
  const tail = halves.length === 2 ? parse(halves[1] ?? "") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return null;
  const groups = [...head, ...Array<number>(Math.max(missing, 0)).fill(0), ...tail];
  return groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff) ? groups : null;
}
