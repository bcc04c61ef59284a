import {
  RiAlarmWarningLine,
  RiBubbleChartLine,
  RiChat3Line,
  RiCpuLine,
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
  { href: "/themes", label: "Themes", icon: RiBubbleChartLine },
  { href: "/market", label: "Market", icon: RiGlobalLine },
  { href: "/forecasts", label: "Forecasts", icon: RiLineChartLine },
  { href: "/opportunities", label: "Opportunities", icon: RiLightbulbFlashLine },
  { href: "/risks", label: "Risks", icon: RiAlarmWarningLine },
  { href: "/reports", label: "Reports", icon: RiFileChartLine },
  { href: "/jobs", label: "Jobs", icon: RiStackLine },
  { href: "/models", label: "Models", icon: RiCpuLine },
  { href: "/settings", label: "Settings", icon: RiSettings3Line },
] as const;

/** A section is active on its own URL and on any nested page (e.g. /feedback/import). */
export function isActivePath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}
