import type { DefectKind } from '../defect-kinds.ts';
import type { Detector } from '../detector.ts';
import { detectAlerts } from './detect-alerts.ts';
import { detectAnchors } from './detect-anchors.ts';
import { detectBrokenReply } from './detect-broken-reply.ts';
import { detectBytes } from './detect-bytes.ts';
import { detectLinkStructure } from './detect-link-structure.ts';
import { detectRender } from './detect-render.ts';
import { detectShortcodes } from './detect-shortcodes.ts';
import { detectSpanEdges } from './detect-span-edges.ts';
import { detectTechTokens } from './detect-tech-tokens.ts';
import { detectTildes } from './detect-tildes.ts';
import { detectUrlText } from './detect-url-text.ts';

/** The detector of each kind that compares a source with its output; `missing` is found before any of them. */
export const detectors: Readonly<Record<Exclude<DefectKind, 'missing'>, Detector>> = {
  'span-edge': detectSpanEdges,
  anchor: detectAnchors,
  alert: detectAlerts,
  tilde: detectTildes,
  'url-text': detectUrlText,
  'link-structure': detectLinkStructure,
  shortcode: detectShortcodes,
  'tech-token': detectTechTokens,
  'broken-reply': detectBrokenReply,
  bytes: detectBytes,
  render: detectRender,
};
