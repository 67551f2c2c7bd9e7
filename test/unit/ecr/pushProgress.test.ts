import * as assert from 'assert';
import { formatBytes, LineSplitter, parseSize, PushProgressParser } from '../../../src/ecr/pushProgress';

const DIGEST = `sha256:${'0f'.repeat(32)}`;

describe('push progress parsing', () => {
  it('follows docker push layers to the digest line', () => {
    const parser = new PushProgressParser();
    const lines = [
      'The push refers to repository [127.0.0.1:5000/demo/app]',
      '5f70bf18a086: Preparing',
      'a3ed95caeb02: Preparing',
      '5f70bf18a086: Waiting',
      '5f70bf18a086: Pushing [=====>       ]  1.2MB/3.4MB',
      'a3ed95caeb02: Layer already exists',
      '5f70bf18a086: Pushing [===========>]  3.4MB/3.4MB',
      '5f70bf18a086: Pushed',
      `1.0: digest: ${DIGEST} size: 528`,
    ];
    const seen = lines.map((l) => parser.push(l));
    assert.strictEqual(seen[0], undefined);
    assert.deepStrictEqual([seen[2]!.done, seen[2]!.total], [0, 2]);
    assert.strictEqual(seen[4]!.sentBytes, 1_200_000);
    assert.strictEqual(seen[4]!.totalBytes, 3_400_000);
    assert.match(seen[4]!.message, /^0\/2 layers · 1\.2 MB\/3\.4 MB$/);
    assert.deepStrictEqual([seen[5]!.done, seen[7]!.done], [1, 2]);
    assert.strictEqual(seen[8]!.digest, DIGEST);
    assert.match(seen[8]!.message, /^pushed sha256:0f0f/);
  });

  it('reads podman and finch/nerdctl output', () => {
    const podman = new PushProgressParser();
    podman.push('Getting image source signatures');
    podman.push('Copying blob sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef');
    const p = podman.push('Copying blob 5f70bf18a086 done');
    assert.deepStrictEqual([p!.done, p!.total], [1, 1]);
    assert.strictEqual(podman.push('Copying config sha256:aaaaaaaaaaaa done')!.total, 1);

    const finch = new PushProgressParser();
    finch.push('layer-sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef:    waiting');
    const f = finch.push('layer-sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef:    done');
    assert.deepStrictEqual([f!.done, f!.total], [1, 1]);
  });

  it('sizes and line splitting (\\r redraws, partial chunks)', () => {
    assert.strictEqual(parseSize('1.5kB'), 1500);
    assert.strictEqual(parseSize('2MiB'), 2 * 1024 * 1024);
    assert.strictEqual(parseSize('nonsense'), 0);
    assert.strictEqual(formatBytes(999), '999 B');
    assert.strictEqual(formatBytes(12_345_678), '12.3 MB');
    const lines: string[] = [];
    const splitter = new LineSplitter((l) => lines.push(l));
    splitter.write('a: Pus');
    splitter.write('hing 1/2\ra: Pushing 2/2\r\nb: Pushed\nlast');
    splitter.end();
    assert.deepStrictEqual(lines, ['a: Pushing 1/2', 'a: Pushing 2/2', 'b: Pushed', 'last']);
  });
});
