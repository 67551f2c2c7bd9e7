/** Basic scanning: deterministic CVE findings per image digest. */
import type * as ecr from '../../generated/ecr';

const CVES: [string, string, string, ecr.FindingSeverity][] = [
  ['CVE-2023-4911', 'glibc', '2.36-9', 'HIGH'],
  ['CVE-2024-6387', 'openssh', '9.2p1-2', 'CRITICAL'],
  ['CVE-2023-44487', 'nghttp2', '1.52.0-1', 'HIGH'],
  ['CVE-2024-2961', 'glibc', '2.36-9', 'HIGH'],
  ['CVE-2023-5678', 'openssl', '3.0.11-1', 'MEDIUM'],
  ['CVE-2024-0727', 'openssl', '3.0.11-1', 'MEDIUM'],
  ['CVE-2023-45853', 'zlib', '1:1.2.13', 'MEDIUM'],
  ['CVE-2023-7008', 'systemd', '252.19-1', 'MEDIUM'],
  ['CVE-2022-3219', 'gnupg2', '2.2.40-1.1', 'LOW'],
  ['CVE-2011-3374', 'apt', '2.6.1', 'LOW'],
  ['CVE-2022-0563', 'util-linux', '2.38.1-5', 'LOW'],
  ['CVE-2017-18018', 'coreutils', '9.1-1', 'INFORMATIONAL'],
];

export function findingsFor(imageDigest: string): ecr.ImageScanFinding[] {
  const seed = parseInt(imageDigest.slice(7, 15), 16);
  return CVES.filter((_, i) => ((seed >> i) & 1) === 1 || i === 9).map(([name, pkg, version, severity]) => ({
    name,
    description: `${pkg} ${version} is affected by ${name}.`,
    uri: `https://security-tracker.debian.org/tracker/${name}`,
    severity,
    attributes: [
      { key: 'package_version', value: version },
      { key: 'package_name', value: pkg },
      { key: 'CVSS2_VECTOR', value: 'AV:N/AC:L/Au:N/C:P/I:P/A:P' },
      { key: 'CVSS2_SCORE', value: severity === 'CRITICAL' ? '9.8' : severity === 'HIGH' ? '7.5' : '5' },
    ],
  }));
}

export function severityCounts(findings: ecr.ImageScanFinding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of findings) {
    counts[f.severity ?? 'UNDEFINED'] = (counts[f.severity ?? 'UNDEFINED'] ?? 0) + 1;
  }
  return counts;
}
