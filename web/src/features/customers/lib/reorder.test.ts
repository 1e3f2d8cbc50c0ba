import { describe, expect, it } from 'vitest';
import { moveItem } from './reorder';

describe('moving a stage or field in its list', () => {
  it('swaps with the neighbour', () => {
    expect(moveItem(['线索', '意向', '报价'], 1, -1)).toEqual(['意向', '线索', '报价']);
    expect(moveItem(['线索', '意向', '报价'], 1, 1)).toEqual(['线索', '报价', '意向']);
  });
  it('leaves the ends where they are', () => {
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});
