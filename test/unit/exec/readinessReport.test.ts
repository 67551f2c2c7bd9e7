import * as assert from 'assert';
import { readinessMarkdown } from '../../../src/exec/readinessReport';

describe('exec: readiness report document', () => {
  it('escapes what AWS wrote, says each fix once, and marks unverified checks', () => {
    const text = readinessMarkdown({
      ready: false,
      checks: [
        { id: 'task-exec-enabled', ok: false, message: 'Task abc was started without ECS Exec.', fix: 'Enable ECS Exec on service web.' },
        { id: 'service-exec-enabled', ok: false, message: 'Service web starts its tasks without ECS Exec.', fix: 'Enable ECS Exec on service web.' },
        { id: 'exec-agent', ok: false, message: 'The agent is STOPPED ([click](https://evil.example) <img src=x>).', fix: 'Start a new task.' },
        { id: 'caller-execute-command', ok: true, unverified: true, message: 'Could not verify.' },
        { id: 'ssm-endpoint', ok: true, message: 'Reachable.' },
      ],
    }, { cluster: 'demo-fargate', task: 'abc', container: 'web', region: 'us-east-1', account: '123456789012' });
    assert.ok(text.startsWith('# ECS Exec readiness of task abc, container web\n\nIn cluster demo-fargate, account 123456789012, us-east-1.\n\n**Not ready:** 3 checks failed.'), text);
    assert.ok(text.includes('**Fix:** Enable ECS Exec on service web.\n- ✗ Service web starts its tasks without ECS Exec.  \n  **Fix:** the same as above.'), text);
    assert.ok(text.includes('The agent is STOPPED \\(\\[click\\]\\(https\\://evil.example\\) \\<img src=x\\>\\).'), text);
    assert.ok(text.includes('- ? `caller-execute-command`: Could not verify.') && text.includes('- ✓ `ssm-endpoint`: Reachable.'), text);
  });
});
