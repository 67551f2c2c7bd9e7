import * as assert from 'assert';
import { decideEndpoint } from '../../../src/config/endpointDecision';

describe('which custom endpoint a workspace may use', () => {
  const none = new Set<string>();
  it('a user-level endpoint needs no confirmation', () => {
    assert.deepStrictEqual(decideEndpoint({ user: 'http://localhost:4566', declined: none }), { endpoint: 'http://localhost:4566' });
    assert.deepStrictEqual(decideEndpoint({ declined: none }), { endpoint: undefined });
  });
  it('a workspace endpoint is asked about and not used until confirmed; the user value stays meanwhile', () => {
    assert.deepStrictEqual(decideEndpoint({ user: 'http://localhost:4566', workspace: 'https://evil.example', declined: none }), { endpoint: 'http://localhost:4566', ask: 'https://evil.example' });
    assert.deepStrictEqual(decideEndpoint({ workspace: 'https://evil.example', declined: none }), { endpoint: undefined, ask: 'https://evil.example' });
  });
  it('the confirmed URL is used without asking; another URL is asked again', () => {
    assert.deepStrictEqual(decideEndpoint({ workspace: 'http://localhost:9', confirmed: 'http://localhost:9', declined: none }), { endpoint: 'http://localhost:9' });
    assert.deepStrictEqual(decideEndpoint({ workspace: 'http://localhost:10', confirmed: 'http://localhost:9', declined: none }), { endpoint: undefined, ask: 'http://localhost:10' });
  });
  it('a declined URL is not asked again this session; an empty or equal workspace value needs nothing', () => {
    assert.deepStrictEqual(decideEndpoint({ workspace: 'https://evil.example', declined: new Set(['https://evil.example']) }), { endpoint: undefined, ask: undefined });
    assert.deepStrictEqual(decideEndpoint({ user: 'http://localhost:4566', workspace: '', declined: none }), { endpoint: undefined });
    assert.deepStrictEqual(decideEndpoint({ user: 'http://localhost:4566', workspace: 'http://localhost:4566', declined: none }), { endpoint: 'http://localhost:4566' });
  });
});
