/**
 * Is a published picture a withheld photo saved again under another name (a child's card photo
 * re-saved as a practice's cover)? A difference hash (dHash: is each pixel of a 9×8 grey thumbnail
 * brighter than its right neighbour) survives resizing and re-encoding, so a copy stays within a
 * few bits of the original while different pictures differ in about half of the 64.
 */
import sharp, { type Sharp } from 'sharp';

export type Likeness = bigint;

async function hashOf(image: Sharp): Promise<Likeness> {
  const data = await image.resize(9, 8, { fit: 'fill' }).greyscale().raw().toBuffer();
  let hash = 0n;
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) hash = (hash << 1n) | (data[y * 9 + x] > data[y * 9 + x + 1] ? 1n : 0n);
  return hash;
}

/** The picture's hash, and that of its centre square (a card shows the photo cropped to a circle). */
export async function likenessOf(input: Buffer | string): Promise<Likeness[]> {
  const image = sharp(input).rotate();
  const { width = 0, height = 0 } = await image.metadata();
  const side = Math.min(width, height);
  const square = sharp(input)
    .rotate()
    .extract({ left: Math.floor((width - side) / 2), top: Math.floor((height - side) / 2), width: side, height: side });
  return [await hashOf(image), await hashOf(square)];
}

const bits = (value: bigint) => value.toString(2).replace(/0/g, '').length;

/** A flat picture (one colour, a soft gradient) has next to no edges: any two of them look alike, so it proves nothing. */
export const meaningful = (hash: Likeness) => bits(hash) >= 6 && bits(hash) <= 58;

/** Within 6 of 64 bits: the same picture, resized or re-encoded. */
export const alike = (a: Likeness, b: Likeness) => meaningful(a) && meaningful(b) && bits(a ^ b) <= 6;
