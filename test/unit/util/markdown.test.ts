import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { presentEvent, presentTask } from '../../../src/ecs/present';
import { findingsMarkdown } from '../../../src/ecr/present';
import { detailRows, escapeMarkdown, inlineCode, safeLink } from '../../../src/util/markdown';

// VS Code renders tooltips and documents with markdown-it (CommonMark); so does this check.
const md = new MarkdownIt({ html: true, linkify: true });
const html = (text: string) => md.render(text);

const HOSTILE = 'https://phish.example/login www.phish.example Stopped by ![x](https://tracker.example/p.png) [click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> **bold** `code` | col | _i_';

describe('AWS-provided text in Markdown is shown literally', () => {
  it('escapes links, images, HTML, emphasis and table pipes', () => {
    const out = html(escapeMarkdown(HOSTILE));
    assert.doesNotMatch(out, /<a |<img|<strong>|<em>|<code>/, out);
    assert.match(out, /!\[x\]\(https:\/\/tracker\.example\/p\.png\)/, 'the text itself is kept');
  });

  it('a stop reason, a service event and scan findings cannot add a link or an image', () => {
    const task = presentTask({ taskArn: 'arn:aws:ecs:us-east-1:1:task/c/abc', lastStatus: 'STOPPED', desiredStatus: 'STOPPED', stoppedReason: HOSTILE });
    const event = presentEvent({ message: HOSTILE, createdAt: new Date(0) }, new Date(0));
    const findings = findingsMarkdown('demo/api', ':1.0', { status: 'COMPLETE', counts: { HIGH: 1 }, findings: [{ name: HOSTILE, severity: 'HIGH', uri: 'javascript:alert(1)', attributes: [{ key: 'package_name', value: '<b>pkg</b> | x' }] }] });
    for (const text of [task.details, event.details, findings]) {
      const out = html(text);
      assert.doesNotMatch(out, /<a |<img|<b>|<strong>bold/, out);
    }
    assert.strictEqual((html(findings).match(/<td>/g) ?? []).length, 5, 'one row of five cells: a | in AWS text does not add cells');
  });

  it('ordinary punctuation stays readable; line starts cannot make headings or lists', () => {
    assert.strictEqual(escapeMarkdown('CVE-2011-3374 in 2.6.1 at 10.0.1.2: exit 1'), 'CVE-2011-3374 in 2.6.1 at 10.0.1.2: exit 1');
    for (const line of ['# title', '- item', '1. first', '> quote', '=====']) assert.doesNotMatch(html(escapeMarkdown(line)), /<h1|<li|<blockquote|<h2|<ol/, line);
  });

  it('code spans survive backticks inside; links only for https', () => {
    assert.strictEqual(html(inlineCode('a`b')).trim(), '<p><code>a`b</code></p>');
    assert.match(html(detailRows([['ARN', { code: 'arn:aws:ecs:us-east-1:1:cluster/x' }], ['Reason', '*x*']])), /<code>arn:aws:ecs:us-east-1:1:cluster\/x<\/code>.*\*x\*/s);
    assert.match(html(safeLink('CVE-1', 'https://nvd.nist.gov/vuln/detail/CVE-1')), /<a href="https:\/\/nvd\.nist\.gov\/vuln\/detail\/CVE-1">CVE-1<\/a>/);
    assert.doesNotMatch(html(safeLink('CVE-1', 'javascript:alert(1)')), /<a /);
  });
});
