import {
  RiAlarmWarningLine,
  RiChat3Line,
  RiDashboardLine,
  RiFileChartLine,
  RiGlobalLine,
  RiLightbulbFlashLine,
  RiLineChartLine,
  RiSettings3Line,
  RiStackLine,
} from "@remixicon/react";

/** Primary navigation, in sidebar order. */
export const navItems = [
  { href: "/overview", label: "Overview", icon: RiDashboardLine },
  { href: "/feedback", label: "Feedback", icon: RiChat3Line },
  { href: "/market", label: "Market", icon: RiGlobalLine },
  { href: "/forecasts", label: "Forecasts", icon: RiLineChartLine },
  { href: "/opportunities", label: "Opportunities", icon: RiLightbulbFlashLine },
  { href: "/risks", label: "Risks", icon: RiAlarmWarningLine },
  { href: "/reports", label: "Reports", icon: RiFileChartLine },
  { href: "/jobs", label: "Jobs", icon: RiStackLine },
  { href: "/settings", label: "Settings", icon: RiSettings3Line },
] as const;

/** A section is active on its own URL and on any nested page (e.g. /feedback/import). */
export function isActivePath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
