import { toBlob, toSvg } from 'html-to-image';
import type { ImagePlan } from './image-plan';

/** Parts that belong to editing, not to the picture: handles, vote buttons, the live checks' badges. */
const LEFT_OUT = ['react-flow__handle', 'react-flow__minimap', 'react-flow__controls', 'react-flow__attribution', 'vote-button', 'finding-badge'];
const keep = (node: HTMLElement) => !(node.classList && LEFT_OUT.some((c) => node.classList.contains(c)));

/** The drawn stage as a PNG or SVG file's bytes. `background` null leaves a PNG transparent. */
export async function renderImage(element: HTMLElement, plan: ImagePlan, background: string | null): Promise<Blob> {
  const options = { width: plan.width, height: plan.height, filter: keep, backgroundColor: background ?? undefined, skipFonts: true };
  if (plan.format === 'png') {
    // skipAutoScale: planImage has made sure the canvas fits, so nothing is shrunk behind our back.
    const blob = await toBlob(element, { ...options, pixelRatio: plan.scale, skipAutoScale: true });
    if (!blob) throw new Error('The browser could not draw the image');
    return blob;
  }
  const dataUrl = await toSvg(element, options);
  return new Blob([decodeURIComponent(dataUrl.slice(dataUrl.indexOf(',') + 1))], { type: 'image/svg+xml' });
}
