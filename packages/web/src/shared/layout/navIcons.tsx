/** Tab-bar icons of the patient's new pages (decorative: the text label names each tab). */
import { ICON_SVG_PROPS } from './icons';

/** A leaf: calm, non-drug techniques. */
export const TechniquesIcon = () => (
  <svg {...ICON_SVG_PROPS}>
    <path d="M5 19c0-8 5-14 15-14 0 10-6 15-14 15" />
    <path d="M5 19l8-8" />
  </svg>
);

/** Three dots: everything else. */
export const MoreIcon = () => (
  <svg {...ICON_SVG_PROPS}>
    <circle cx="5" cy="12" r="1.5" />
    <circle cx="12" cy="12" r="1.5" />
    <circle cx="19" cy="12" r="1.5" />
  </svg>
);

export const GoalsIcon = () => (
  <svg {...ICON_SVG_PROPS}>
    <circle cx="12" cy="12" r="9" />
    <circle cx="12" cy="12" r="5" />
    <circle cx="12" cy="12" r="1" />
  </svg>
);

export const InsightsIcon = () => (
  <svg {...ICON_SVG_PROPS}>
    <path d="M9 18h6M10 21h4M12 3a6 6 0 0 0-3.5 10.9c.6.4 1 1.1 1 1.8V16h5v-.3c0-.7.4-1.4 1-1.8A6 6 0 0 0 12 3z" />
  </svg>
);

export const LearnIcon = () => (
  <svg {...ICON_SVG_PROPS}>
    <path d="M4 5a2 2 0 0 1 2-2h13v16H6a2 2 0 0 0-2 2z" />
    <path d="M4 19V5M8 7h7" />
  </svg>
);

export const CheckupsIcon = () => (
  <svg {...ICON_SVG_PROPS}>
    <rect x="4" y="4" width="16" height="17" rx="2" />
    <path d="M9 2v4M15 2v4M8 12h8M8 16h5" />
  </svg>
);
