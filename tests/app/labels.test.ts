// The label drawer skips a label that would overlap one already drawn this frame; forced labels always show; a label
// the view's right edge would cut goes on the node's left.
import { describe, expect, it } from 'vitest';
import { nonOverlappingLabels } from '../../src/app/labels';

/** A context whose canvas is 400 pixels wide and whose text is 7 pixels a character. */
function fakeContext() {
  const drawn: string[] = []; const at: number[] = [];
  const ctx = {
    font: '', fillStyle: '', canvas: { clientWidth: 400 }, measureText: (t: string) => ({ width: t.length * 7 }),
    fillText: (t: string, x: number) => { drawn.push(t); at.push(x); },
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, drawn, at };
}

const settings = { labelSize: 14, labelWeight: 'normal', labelFont: 'sans-serif', labelColor: { color: '#000' } };
const node = (label: string, x: number, y: number, forceLabel = false) =>
  ({ label, x, y, size: 4, forceLabel }) as never;

describe('labels', () => {
  it('draws labels that do not touch, skips one that would overlap, and starts afresh each frame', () => {
    const { ctx, drawn } = fakeContext();
    const labels = nonOverlappingLabels();
    labels.draw(ctx, node('Daxin Jiang', 100, 100), settings as never);
    labels.draw(ctx, node('Yifei Yang', 110, 104), settings as never);
    labels.draw(ctx, node('Hanshan Zhang', 100, 200), settings as never);
    labels.draw(ctx, node('Focused Person', 105, 102, true), settings as never);
    expect(drawn).toEqual(['Daxin Jiang', 'Hanshan Zhang', 'Focused Person']);
    labels.reset();
    labels.draw(ctx, node('Yifei Yang', 110, 104), settings as never);
    expect(drawn.at(-1)).toBe('Yifei Yang');
  });
  it('puts a label on the left of its node where the right edge would cut it, and only there', () => {
    const { ctx, drawn, at } = fakeContext();
    const labels = nonOverlappingLabels();
    labels.draw(ctx, node('Daxin Jiang', 100, 100), settings as never); // 77 pixels: fits on the right
    labels.draw(ctx, node('Steven Zhaová · spatial', 350, 200), settings as never); // 161 pixels: would pass 400
    const long = 'A very long label for a node near the left side'; // 336 pixels: room on neither side, so the right
    labels.draw(ctx, node(long, 100, 300), settings as never);
    expect(drawn).toEqual(['Daxin Jiang', 'Steven Zhaová · spatial', long]);
    expect(at[0]).toBe(100 + 4 + 3);
    expect(at[1]).toBe(350 - 4 - 3 - 161);
    expect(at[2]).toBe(100 + 4 + 3);
  });
});
