/**
 * The linter's findings as a SARIF 2.1.0 log (OASIS, https://docs.oasis-open.org/sarif/sarif/v2.1.0/),
 * as GitHub code scanning reads it: one run, every rule with its help and documentation link, each
 * result at its file (a URI relative to the working directory, under %SRCROOT%) and its 1-based
 * region (columns in UTF-16 code units, the end column exclusive, as SARIF counts them).
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { RULE_CODES } from './codes';
import { RULE_DOCS } from './ruleDocs';
import type { Severity } from './types';

/** A finding as the CLI reports it (1-based, end exclusive). */
export interface Finding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: Severity;
  code: string;
  message: string;
  pointer: string;
}

export interface SarifOptions {
  /** The directory file URIs are relative to (the repository root in CI). */
  cwd: string;
  toolVersion?: string;
  /** Files that could not be read: tool notifications, the invocation not successful. */
  unreadable: { file: string; message: string }[];
}

export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** The SARIF log of `findings`, as a plain object (JSON.stringify it). */
export function sarifLog(findings: Finding[], opts: SarifOptions): Record<string, unknown> {
  const codes = Object.keys(RULE_CODES) as (keyof typeof RULE_CODES)[];
  const ruleIndex = new Map<string, number>(codes.map((c, i) => [c, i]));
  const rules = codes.map((id) => {
    const doc = RULE_DOCS[id];
    return {
      id,
      name: ruleName(id),
      shortDescription: { text: doc.title },
      fullDescription: { text: doc.help },
      help: { text: `${doc.help} See ${doc.helpUri}`, markdown: `${doc.help}\n\n[Documentation](${doc.helpUri})` },
      helpUri: doc.helpUri,
      defaultConfiguration: { level: LEVEL[RULE_CODES[id]] },
      properties: { tags: ['ecs'] },
    };
  });
  const results = findings.map((f) => {
    const index = ruleIndex.get(f.code);
    return {
      ruleId: f.code,
      ...(index === undefined ? {} : { ruleIndex: index }),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(f.file, opts.cwd),
            region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
          },
          ...(f.pointer ? { logicalLocations: [{ fullyQualifiedName: f.pointer, kind: 'property' }] } : {}),
        },
      ],
    };
  });
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ecs-taskdef-lint', ...(opts.toolVersion ? { version: opts.toolVersion, semanticVersion: opts.toolVersion } : {}), rules } },
        invocations: [
          {
            executionSuccessful: opts.unreadable.length === 0,
            toolExecutionNotifications: opts.unreadable.map((u) => ({
              level: 'error',
              message: { text: u.message },
              locations: [{ physicalLocation: { artifactLocation: artifactLocation(u.file, opts.cwd) } }],
            })),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(opts.cwd.endsWith(path.sep) ? opts.cwd : opts.cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/**
 * A file inside `cwd` as a relative URI under %SRCROOT% (what code scanning matches to the
 * repository), one outside as an absolute file: URI.
 */
export function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return { uri: pathToFileURL(absolute).href };
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** `host-port-mismatch` → `HostPortMismatch`: SARIF's readable rule name. */
function ruleName(code: string): string {
  return code.replace(/(^|-)([a-z0-9])/g, (_m, _d, c: string) => c.toUpperCase());
}

/**
 * Writes the log result by result: millions of results in one JSON.stringify would pass V8's
 * string length limit (as the JSON format's array does).
 */
export function writeSarifLog(write: (s: string) => void, log: Record<string, unknown>): void {
  const run = (log.runs as Record<string, unknown>[])[0];
  const results = run.results as unknown[];
  const text = JSON.stringify({ ...log, runs: [{ ...run, results: [] }] }, null, 2);
  const marker = '"results": []';
  const at = text.lastIndexOf(marker);
  write(`${text.slice(0, at)}"results": [`);
  for (let i = 0; i < results.length; i++) write(`${i ? ',' : ''}\n        ${JSON.stringify(results[i])}`);
  write(`${results.length ? '\n      ' : ''}]${text.slice(at + marker.length)}\n`);
}
