import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

/** Sent with every response, by this server and by the room's listener. */
export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Another site may not even embed our files with <script> or <img>, where no Origin is sent.
  'Cross-Origin-Resource-Policy': 'same-origin',
};
