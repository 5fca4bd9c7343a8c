/**
 * How far the editor and the projector zoom out and in (print and image export set their own).
 * Out far enough that fit view shows a 5,000-card board whole beside the side panel, even on a
 * laptop: React Flow's fit stops at the floor, and a board cut at its edges is not the whole
 * board (and costs more to draw: Chromium paints a layer again on every frame of a pan while it
 * runs past the screen).
 */
export const ZOOM_RANGE = { minZoom: 0.02, maxZoom: 4 } as const;
