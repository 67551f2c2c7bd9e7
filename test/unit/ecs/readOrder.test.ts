import * as assert from 'assert';
import { NewestReads, readTicket, stamped } from '../../../src/ecs/readOrder';

describe('Service reads shown newest first (readOrder)', () => {
  it('an answer to an older read that arrives after a newer one is refused for that row', () => {
    const rows = new NewestReads();
    const earlier = readTicket();
    const later = readTicket();
    const [newer] = stamped([{ runningCount: 4 }], later);
    const [older] = stamped([{ runningCount: 2 }], earlier);
    assert.strictEqual(rows.accept('web', newer), true);
    assert.strictEqual(rows.accept('web', older), false, 'the 2/4 read was sent before the 4/4 one');
    assert.strictEqual(rows.accept('api', older), true, 'each row keeps its own order');
  });

  it('a newer read replaces the one shown, and data with no stamp is taken as new', () => {
    const rows = new NewestReads();
    const [first] = stamped([{}], readTicket());
    const [second] = stamped([{}], readTicket());
    assert.ok(rows.accept('web', first));
    assert.ok(rows.accept('web', second));
    assert.ok(rows.accept('web', {}), 'unstamped');
    assert.ok(!rows.accept('web', first), 'still older than the second');
  });
});

describe('Service read tickets across bundles (readOrder)', () => {
  it('a stamp made by another copy of the module (another bundle) is read, and JSON never shows it', () => {
    const [service] = stamped([{ serviceName: 'web' }], readTicket());
    // What another bundle's copy sees: the registered symbol, not this module's state.
    const foreign = (service as Record<symbol, unknown>)[Symbol.for('ecsWorkbench.readTicket')];
    assert.strictEqual(typeof foreign, 'number');
    assert.strictEqual(JSON.stringify(service), '{"serviceName":"web"}');
  });
});
