import { memo } from 'react';
import { qrPath } from './qr-path';

/** A QR code as SVG: no canvas, no network, scales to the projector. */
export const QrCode = memo(function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const { path, size } = qrPath(text);
  return (
    <svg className={className} viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
});
