import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createSelection,
  followList,
  hitTest,
  pruneSelection,
  rangeIds,
  rectFromPoints,
  toggleId,
} from './selection.js';

const order = ['a', 'b', 'c', 'd', 'e'];

test('range over the current order, in either direction', () => {
  const table: [anchor: string | null, to: string, want: string[]][] = [
    ['b', 'd', ['b', 'c', 'd']],
    ['d', 'b', ['b', 'c', 'd']],
    ['c', 'c', ['c']],
    [null, 'c', ['c']],
    ['gone', 'c', ['c']],
    ['a', 'zzz', []],
  ];
  for (const [anchor, to, want] of table)
    assert.deepEqual(rangeIds(order, anchor, to), want, `${anchor}..${to}`);
});

test('toggle', () => {
  assert.deepEqual([...toggleId(new Set(['a']), 'b')], ['a', 'b']);
  assert.deepEqual([...toggleId(new Set(['a', 'b']), 'a')], ['b']);
});

test('rectangle hit testing', () => {
  const boxes = [
    { id: 'a', rect: { left: 0, top: 0, width: 100, height: 100 } },
    { id: 'b', rect: { left: 110, top: 0, width: 100, height: 100 } },
    { id: 'c', rect: { left: 0, top: 110, width: 100, height: 100 } },
  ];
  const table: [rect: ReturnType<typeof rectFromPoints>, want: string[]][] = [
    [rectFromPoints(50, 50, 150, 60), ['a', 'b']],
    [rectFromPoints(150, 60, 50, 50), ['a', 'b']],
    [rectFromPoints(101, 0, 109, 200), []],
    [rectFromPoints(100, 100, 100, 100), []],
    [rectFromPoints(-10, -10, 500, 500), ['a', 'b', 'c']],
    [rectFromPoints(99, 109, 101, 111), ['c']],
  ];
  for (const [rect, want] of table) assert.deepEqual(hitTest(rect, boxes), want, JSON.stringify(rect));
});

test('prune keeps identity when nothing disappeared', () => {
  const selected = new Set(['a', 'b']);
  assert.equal(pruneSelection(selected, order), selected);
  assert.deepEqual([...pruneSelection(selected, ['b'])], ['b']);
});

test('click, Shift+click, Ctrl+click, select all, Escape', () => {
  const selection = createSelection();
  selection.toggle('b');
  selection.selectRange('d', order);
  assert.deepEqual([...selection.$selection.get()], ['b', 'c', 'd']);
  selection.selectRange('a', order);
  assert.deepEqual(
    [...selection.$selection.get()],
    ['a', 'b'],
    'a new Shift+click extends from the same anchor',
  );
  selection.toggle('e');
  assert.deepEqual([...selection.$selection.get()], ['a', 'b', 'e']);
  selection.selectAll(order);
  assert.equal(selection.$selection.get().size, 5);
  selection.prune(['a', 'c']);
  assert.deepEqual([...selection.$selection.get()], ['a', 'c']);
  selection.clear();
  assert.equal(selection.$selection.get().size, 0);
});

test('an additive rectangle drag adds to what was selected when it began', () => {
  const selection = createSelection();
  selection.toggle('a');
  selection.setFromRect(['c', 'd'], true);
  selection.setFromRect(['d'], true);
  assert.deepEqual([...selection.$selection.get()], ['a', 'd']);
  selection.endRect();
  selection.setFromRect(['e'], true);
  assert.deepEqual([...selection.$selection.get()], ['a', 'd', 'e'], 'the next drag starts from the result');
  selection.clear();
  selection.toggle('a');
  selection.setFromRect(['c'], false);
  assert.deepEqual([...selection.$selection.get()], ['c']);
});

test('a selected file that leaves a list leaves the selection; an upload becoming its record stays', () => {
  const item = (id: string, operationId = `op-${id}`) => ({ id, operationId });
  const before = [item('a'), item('b'), item('op-up', 'op-up'), item('c')];
  const table: [selected: string[], next: ReturnType<typeof item>[], want: string[]][] = [
    [['a', 'b'], [item('a'), item('c')], ['a']],
    [['b'], [item('a'), item('c')], []],
    [
      ['op-up', 'a'],
      [item('a'), item('f9', 'op-up')],
      ['f9', 'a'],
    ],
    [['elsewhere', 'b'], [item('a')], ['elsewhere']],
    [
      ['a', 'c'],
      [item('c'), item('a')],
      ['a', 'c'],
    ],
  ];
  for (const [selected, next, want] of table)
    assert.deepEqual([...followList(new Set(selected), before, next)].sort(), want.sort(), selected.join());
  const kept = new Set(['a']);
  assert.equal(followList(kept, before, [item('a')]), kept, 'identity when nothing left');
});

test('the selection store follows a list and forgets an anchor that left it', () => {
  const selection = createSelection();
  const file = (id: string) => ({ id, operationId: `op-${id}` }) as never;
  selection.toggle('b');
  selection.toggle('c');
  selection.follow([file('a'), file('b'), file('c')], [file('a'), file('b')]);
  assert.deepEqual([...selection.$selection.get()], ['b']);
  selection.selectRange('a', ['a', 'b', 'c']);
  assert.deepEqual([...selection.$selection.get()], ['a'], 'the anchor c left: Shift+click starts afresh');
});
