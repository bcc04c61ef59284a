import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { themeInitScript } from "./_components/theme";
import "./globals.css";

export const metadata: Metadata = {
  title: { template: "%s · Foresight", default: "Foresight" },
  description:
    "Foresight turns customer feedback and market data into ranked product opportunities, a living risk register and shareable strategy reports.",
  applicationName: "Foresight",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f9fafb" },
    { media: "(prefers-color-scheme: dark)", color: "#030712" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Must run before paint to avoid a light flash for dark-mode users. */}
        <script dangerouslySetInnerHTML={{ __html: themeInitScript }} />
      </head>
      <body className="min-h-dvh bg-tremor-background-muted font-sans text-tremor-content antialiased dark:bg-dark-tremor-background-muted dark:text-dark-tremor-content">
        {children}
      </body>
    </html>
  );
}
