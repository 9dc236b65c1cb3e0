import assert from 'node:assert/strict';
import { test } from 'node:test';
import { map } from 'nanostores';
import type { ViewState } from '../types.js';
import { NATURAL_ORDER, sortBy, sortedView } from './view-sort.js';

const view = (sort: ViewState['sort'], order: ViewState['order']): ViewState => ({
  mode: 'list',
  q: '',
  type: '',
  sort,
  order,
});

test('a newly chosen key starts in its natural order', () => {
  const cases: [ViewState, ViewState['sort'], ViewState['order']][] = [
    [view('createdAt', 'desc'), 'name', 'asc'],
    [view('name', 'desc'), 'createdAt', 'desc'],
    [view('name', 'asc'), 'size', 'desc'],
    [view('size', 'asc'), 'type', 'asc'],
  ];
  for (const [before, key, order] of cases) {
    const after = sortedView(before, key, true);
    assert.deepEqual([after.sort, after.order], [key, order]);
    assert.equal(NATURAL_ORDER[key], order);
  }
});

test('the key in use turns around when toggled, and stays when picked again from a menu', () => {
  assert.equal(sortedView(view('name', 'asc'), 'name', true).order, 'desc');
  assert.equal(sortedView(view('size', 'desc'), 'size', true).order, 'asc');
  const same = view('name', 'asc');
  assert.equal(sortedView(same, 'name', false), same);
});

test('sortBy writes sort and order together, once', () => {
  const $view = map<ViewState>(view('createdAt', 'desc'));
  const seen: ViewState[] = [];
  const off = $view.listen((v) => seen.push({ ...v }));
  sortBy($view, 'name');
  assert.deepEqual(
    seen.map((v) => [v.sort, v.order]),
    [['name', 'asc']],
  );
  sortBy($view, 'name');
  assert.equal(seen.length, 1);
  off();
});
