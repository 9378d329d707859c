/** Small inline icons for the tab bar (decorative: the text label names each tab). */
export const ICON_SVG_PROPS = {
  viewBox: '0 0 24 24',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 2,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
} as const;

export const TodayIcon = () => (
  <svg {...ICON_SVG_PROPS}>
    <rect x="3" y="5" width="18" height="16" rx="2" />
    <path d="M3 10h18M8 3v4M16 3v4M9 15l2 2 4-4" />
  </svg>
);
export const CheckInIcon = () => (
  <svg {...ICON_SVG_PROPS}>
    <path d="M12 21s-7-4.5-9-9.5C1.8 8 4 5 7 5c2 0 3.5 1.2 5 3 1.5-1.8 3-3 5-3 3 0 5.2 3 4 6.5-2 5-9 9.5-9 9.5z" />
  </svg>
);
export const HistoryIcon = () => (
  <svg {...ICON_SVG_PROPS}>
    <path d="M4 20V10M10 20V4M16 20v-7M22 20H2" />
  </svg>
);
export const MedicationsIcon = () => (
  <svg {...ICON_SVG_PROPS}>
    <rect x="3" y="8" width="18" height="8" rx="4" transform="rotate(-45 12 12)" />
    <path d="M9.2 9.2l5.6 5.6" />
  </svg>
);
export const ProfileIcon = () => (
  <svg {...ICON_SVG_PROPS}>
    <circle cx="12" cy="8" r="4" />
    <path d="M4 21c1-4 4.5-6 8-6s7 2 8 6" />
  </svg>
);
export const CareTeamIcon = () => (
  <svg {...ICON_SVG_PROPS}>
    <circle cx="9" cy="8" r="3.5" />
    <path d="M2.5 20c.8-3.5 3.4-5.5 6.5-5.5s5.7 2 6.5 5.5" />
    <circle cx="17" cy="9" r="2.5" />
    <path d="M17 14c2.4 0 4 1.6 4.5 4.5" />
  </svg>
);
export const PatientsIcon = () => (
  <svg {...ICON_SVG_PROPS}>
    <rect x="4" y="3" width="16" height="18" rx="2" />
    <path d="M8 8h8M8 12h8M8 16h5" />
  </svg>
);
export const InviteIcon = () => (
  <svg {...ICON_SVG_PROPS}>
    <circle cx="10" cy="8" r="4" />
    <path d="M2 21c1-4 4.5-6 8-6 1.5 0 3 .4 4.2 1.1M19 14v6M16 17h6" />
  </svg>
);
export const ClinicIcon = () => (
  <svg {...ICON_SVG_PROPS}>
    <path d="M3 21h18M5 21V7l7-4 7 4v14M10 21v-4h4v4M12 8v4M10 10h4" />
  </svg>
);
