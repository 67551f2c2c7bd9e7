/**
 * Custom endpoints (LocalStack, the local sandbox): which ones are on this machine, and how a
 * person sees them. A custom endpoint on loopback is a local stand-in for AWS; any other one is a
 * third party that must never receive credential traffic meant for AWS.
 */

/** Whether `url` points at this machine (localhost, 127.0.0.0/8, ::1). */
export function isLoopbackEndpoint(url: string | undefined): boolean {
  if (!url) return false;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return isLoopbackHost(host);
}

/** Whether a host name (no port) is loopback. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(h) || h === '::1';
}

/** `localhost:4566` for the status bar: host and port, no scheme or path. */
export function endpointLabel(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
