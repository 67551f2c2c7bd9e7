import * as assert from 'assert';
import { Limiter, chunk, listAndDescribe } from '../../../src/aws/paging';

describe('listAndDescribe', () => {
  it('starts describing a page while the next page is listed, with bounded concurrency', async () => {
    const events: string[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const pages = [['a', 'b', 'c'], ['d', 'e'], ['f']];
    const result = await listAndDescribe({
      list: async (token) => {
        const index = Number(token ?? 0);
        events.push(`list${index}`);
        // The round trip: longer than the macrotask listAndDescribe lets the List request leave in.
        await new Promise((resolve) => setTimeout(resolve, 2));
        events.push(`listed${index}`);
        return { ids: pages[index], nextToken: index + 1 < pages.length ? String(index + 1) : undefined };
      },
      describe: async (ids) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        events.push(`describe ${ids.join('')}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return ids.map((id) => id.toUpperCase());
      },
      batchSize: 2,
      concurrency: 2,
    });
    assert.deepStrictEqual(result.items, ['A', 'B', 'C', 'D', 'E', 'F'], 'order kept');
    assert.strictEqual(result.nextToken, undefined);
    assert.ok(events.indexOf('list1') < events.indexOf('describe ab'), `page 1 was asked for before page 0 was described: ${events}`);
    assert.ok(events.indexOf('describe ab') < events.indexOf('listed1'), `describe of page 0 began before page 1 arrived: ${events}`);
    assert.ok(maxInFlight <= 2);
  });

  it('the next List request is on its way before the page\'s Describe calls are prepared', async () => {
    const events: string[] = [];
    await listAndDescribe({
      list: async (token) => {
        const index = Number(token ?? 0);
        // The SDK serialises and signs in microtasks before the request reaches the socket.
        for (let i = 0; i < 20; i++) await Promise.resolve();
        events.push(`sent list${index}`);
        await new Promise((resolve) => setTimeout(resolve, 2));
        return { ids: [`${index}a`, `${index}b`], nextToken: index < 2 ? String(index + 1) : undefined };
      },
      describe: async (ids) => {
        events.push(`describe ${ids.join(' ')}`);
        return ids;
      },
      batchSize: 1,
    });
    assert.ok(events.indexOf('sent list1') < events.indexOf('describe 0a'), events.join(', '));
    assert.ok(events.indexOf('sent list2') < events.indexOf('describe 1a'), events.join(', '));
    assert.ok(events.includes('describe 2b'));
  });

  it('stops at the limit and returns where to continue', async () => {
    const asked: number[] = [];
    const result = await listAndDescribe({
      list: async (token, maxResults) => {
        asked.push(maxResults);
        const start = Number(token ?? 0);
        const ids = Array.from({ length: maxResults }, (_, i) => String(start + i));
        return { ids, nextToken: String(start + maxResults) };
      },
      describe: async (ids) => ids,
      batchSize: 100,
      limit: 150,
      pageSize: 100,
    });
    assert.strictEqual(result.items.length, 150);
    assert.deepStrictEqual(asked, [100, 50], 'the second page asks only for what is left');
    assert.strictEqual(result.nextToken, '150');
  });

  it('a failing describe fails the read without unhandled rejections', async () => {
    await assert.rejects(
      listAndDescribe({
        list: async () => ({ ids: ['x', 'y'] }),
        describe: async () => {
          throw new Error('boom');
        },
        batchSize: 1,
      }),
      /boom/,
    );
  });

  it('Limiter and chunk', async () => {
    const limiter = new Limiter(1);
    const order: number[] = [];
    await Promise.all([1, 2, 3].map((n) => limiter.run(async () => order.push(n))));
    assert.deepStrictEqual(order, [1, 2, 3]);
    assert.deepStrictEqual(chunk([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
  });
});
