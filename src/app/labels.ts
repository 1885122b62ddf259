// Labels that never pile up: each frame remembers the boxes of the labels drawn so far and skips a label that
// would overlap one (sigma draws the biggest nodes' labels first; forced labels, such as a focus, always show).

import type { Settings } from 'sigma/settings';
import type { EdgeAttributes, NodeAttributes } from '../types';

type DrawLabel = NonNullable<Settings<NodeAttributes, EdgeAttributes>['defaultDrawNodeLabel']>;

export function nonOverlappingLabels(): { draw: DrawLabel; reset: () => void } {
  let boxes: number[] = [];
  const draw: DrawLabel = (context, data, settings) => {
    if (!data.label) return;
    const size = settings.labelSize;
    context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
    const x = data.x + data.size + 3;
    const y = data.y + size / 3;
    const box = [x - 2, y - size, x + context.measureText(data.label).width + 2, y + size * 0.3];
    const overlaps = () => {
      for (let i = 0; i < boxes.length; i += 4) {
        if (box[0]! < boxes[i + 2]! && box[2]! > boxes[i]! && box[1]! < boxes[i + 3]! && box[3]! > boxes[i + 1]!) return true;
      }
      return false;
    };
    if (!data.forceLabel && overlaps()) return;
    boxes.push(...box);
    const color = settings.labelColor.attribute
      ? (data as unknown as Record<string, string>)[settings.labelColor.attribute] || settings.labelColor.color || '#000'
      : settings.labelColor.color;
    context.fillStyle = color ?? '#000';
    context.fillText(data.label, x, y);
  };
  return { draw, reset: () => { boxes = []; } };
}
