import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { GitRepository } from '../../../../server/src/engine/git/repository';
import { nodeGitAccess, zlibInflate } from '../../../../server/src/files/git-files';
import { initRepository, temporaryFolder } from '../../../helpers/git-fixture';

const { folder, cleanup } = temporaryFolder();
after(cleanup);

const FIRST = 'aa'.repeat(20);
const SECOND = 'bb'.repeat(20);

/** A pack entry that is a ref delta on `base`: it inserts one byte into a one-byte base. */
function refDelta(base: string): Buffer {
  const delta = Buffer.from([1, 1, 1, 0x41]);
  return Buffer.concat([Buffer.from([0x70 | delta.length]), Buffer.from(base, 'hex'), deflateSync(delta)]);
}

/** A version 2 index for objects at the given offsets, ids in order. */
function indexOf(entries: [id: string, offset: number][]): Buffer {
  const fanout = Buffer.alloc(256 * 4);
  for (let byte = 0; byte < 256; byte++) fanout.writeUInt32BE(entries.filter(([id]) => parseInt(id.slice(0, 2), 16) <= byte).length, byte * 4);
  const offsets = Buffer.alloc(entries.length * 4);
  entries.forEach(([, offset], index) => offsets.writeUInt32BE(offset, index * 4));
  return Buffer.concat([
    Buffer.from([0xff, 0x74, 0x4f, 0x63, 0, 0, 0, 2]),
    fanout,
    ...entries.map(([id]) => Buffer.from(id, 'hex')),
    Buffer.alloc(entries.length * 4),
    offsets,
    Buffer.alloc(40),
  ]);
}

it('stops at a delta chain that loops, with a clear failure', async () => {
  const repository = initRepository(path.join(folder, 'loop'));
  // Two objects, each a delta on the other: only a corrupt or hostile pack holds this.
  const first = refDelta(SECOND);
  const second = refDelta(FIRST);
  const header = Buffer.from([...Buffer.from('PACK'), 0, 0, 0, 2, 0, 0, 0, 2]);
  const packName = path.join(repository, '.git', 'objects', 'pack', `pack-${'cc'.repeat(20)}`);
  writeFileSync(`${packName}.pack`, Buffer.concat([header, first, second, Buffer.alloc(20)]));
  writeFileSync(
    `${packName}.idx`,
    indexOf([
      [FIRST, header.length],
      [SECOND, header.length + first.length],
    ]),
  );
  const opened = await GitRepository.open(nodeGitAccess, repository, { inflate: zlibInflate });
  assert.ok(opened.ok);
  const result = await opened.value.readBlob(FIRST);
  assert.deepEqual(result, { ok: false, failure: { kind: 'corrupt', message: `A delta chain in ${packName}.pack loops or is too long.` } });
});
