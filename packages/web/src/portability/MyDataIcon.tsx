import { ICON_SVG_PROPS } from '../shared/layout/icons';

/** A tray with a downward arrow: taking your data with you (decorative: the label names it). */
export const MyDataIcon = () => (
  <svg {...ICON_SVG_PROPS}>
    <path d="M12 3v11M7.5 9.5 12 14l4.5-4.5" />
    <path d="M4 15v4a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-4" />
  </svg>
);
