/**
 * Where the page image is on screen, so block outlines (polygons in the image's own coordinate
 * space, e.g. 400×575) land on it whatever size the site or the zoom shows it at.
 */
import type { Page } from '../../model';
import type { ImageBox } from '../../../components/Overlay';

/** The page image: the `img[usemap]` whose src is the page's image, else the first one. */
export function findPageImage(doc: Document, page: Page): HTMLImageElement | null {
  const imgs = Array.from(doc.querySelectorAll<HTMLImageElement>('img[usemap]'));
  if (page.image?.src) {
    const hit = imgs.find(
      (img) => img.src === page.image!.src || img.getAttribute('src') === page.image!.src,
    );
    if (hit) return hit;
  }
  return imgs[0] ?? null;
}

/** The image's box relative to the host element, with the scale from map coordinates to pixels. */
export function imageBox(img: HTMLImageElement, host: HTMLElement, page: Page): ImageBox | null {
  const r = img.getBoundingClientRect();
  const h = host.getBoundingClientRect();
  if (r.width <= 0 || r.height <= 0) return null;
  // Map coordinates are in the size the page declares (width/height attributes); fall back to 1:1.
  const w = page.image?.width || Number(img.getAttribute('width')) || r.width;
  const hh = page.image?.height || Number(img.getAttribute('height')) || r.height;
  return {
    left: r.left - h.left,
    top: r.top - h.top,
    width: r.width,
    height: r.height,
    sx: r.width / w,
    sy: r.height / hh,
  };
}
