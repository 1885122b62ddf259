// Labels that never pile up: each frame remembers the boxes of the labels drawn so far and skips a label that
// would overlap one (sigma draws the biggest nodes' labels first; forced labels, such as a focus, always show).
// A label that the view's right edge would cut goes on the node's left.

import type { Settings } from 'sigma/settings';
import type { EdgeAttributes, NodeAttributes } from '../types';

type DrawLabel = NonNullable<Settings<NodeAttributes, EdgeAttributes>['defaultDrawNodeLabel']>;

export function nonOverlappingLabels(): { draw: DrawLabel; reset: () => void } {
  let boxes: number[] = [];
  const draw: DrawLabel = (context, data, settings) => {
    if (!data.label) return;
    const size = settings.labelSize;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    const width = context.measureText(data.label).width;
    // Right of the node, or left of it where the right edge would cut it (the group map's outer ring).
    const right = data.x + data.size + 3;
    const left = data.x - data.size - 3 - width;
    const x = right + width > context.canvas.clientWidth - 2 && left >= 2 ? left : right;
    const y = data.y + size / 3;
    const box = [x - 2, y - size, x + width + 2, y + size * 0.3];
    const overlaps = () => {
      for (let i = 0; i < boxes.length; i += 4) {
        const apartX = box[0]! >= boxes[i + 2]! || box[2]! <= boxes[i]!;
        const apartY = box[1]! >= boxes[i + 3]! || box[3]! <= boxes[i + 1]!;
        if (!apartX && !apartY) return true;
      }
      return false;
    };
    if (!data.forceLabel && overlaps()) return;
    boxes.push(...box);
    const { attribute, color: fixed } = settings.labelColor;
    const color = attribute ? (data as unknown as Record<string, string>)[attribute] || fixed || '#000' : fixed;

    context.fillStyle = color ?? '#000';
    context.fillText(data.label, x, y);
  };
  return { draw, reset: () => { boxes = []; } };
}
