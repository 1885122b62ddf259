// The label drawer skips a label that would overlap one already drawn this frame; forced labels always show.
import { describe, expect, it } from 'vitest';
import { nonOverlappingLabels } from '../../src/app/labels';

function fakeContext() {
  const drawn: string[] = [];
  const ctx = { font: '', fillStyle: '', measureText: (t: string) => ({ width: t.length * 7 }), fillText: (t: string) => drawn.push(t) };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, drawn };
}

const settings = { labelSize: 14, labelWeight: 'normal', labelFont: 'sans-serif', labelColor: { color: '#000' } };
const node = (label: string, x: number, y: number, forceLabel = false) => ({ label, x, y, size: 4, forceLabel }) as never;

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
});
