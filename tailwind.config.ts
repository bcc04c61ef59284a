import type { Config } from "tailwindcss";
import colors from "tailwindcss/colors";
import forms from "@tailwindcss/forms";
import plugin from "tailwindcss/plugin";

/** Foresight brand: an indigo–violet blend. 600 is the accessible default on white (6:1). */
const brand = {
  50: "#f1f2ff",
  100: "#e7e8fe",
  200: "#d2d4fe",
  300: "#b4b4fc",
  400: "#948bf9",
  500: "#7761f3",
  600: "#6540e9",
  700: "#5830d1",
  800: "#4928ac",
  900: "#3e258b",
  950: "#261558",
} as const;

/*
 * Tremor builds chart/badge colour classes at runtime (e.g. `fill-indigo-500`), so Tailwind
 * never sees them in source. Without this safelist charts render grey.
 * Tremor 3.18 (Headless UI v2) emits `data-[selected]:`; `ui-selected:` covers older markup.
 */
const colorNames =
  "slate|gray|zinc|neutral|stone|red|orange|amber|yellow|lime|green|emerald|teal|cyan|sky|blue|indigo|violet|purple|fuchsia|pink|rose|brand";
const shades = "50|100|200|300|400|500|600|700|800|900|950";
const interactive = ["hover", "ui-selected", "data-[selected]"];
const safelistFor = (utility: string, variants?: string[]) => ({
  pattern: new RegExp(`^(${utility}-(?:${colorNames})-(?:${shades}))$`),
  ...(variants ? { variants } : {}),
});

const config: Config = {
  darkMode: "class",
  content: ["./app/**/*.{ts,tsx}", "./lib/**/*.{ts,tsx}", "./node_modules/@tremor/**/*.{js,ts,jsx,tsx}"],
  theme: {
    transparent: "transparent",
    current: "currentColor",
    extend: {
      fontFamily: {
        sans: [
          "ui-sans-serif",
          "system-ui",
          "-apple-system",
          "Segoe UI",
          "Roboto",
          "Helvetica Neue",
          "Arial",
          "Noto Sans",
          "sans-serif",
          "Apple Color Emoji",
          "Segoe UI Emoji",
        ],
      },
      colors: {
        brand,
        tremor: {
          brand: {
            faint: brand[50],
            muted: brand[200],
            subtle: brand[400],
            DEFAULT: brand[600],
            emphasis: brand[700],
            inverted: colors.white,
          },
          background: {
            muted: colors.gray[50],
            subtle: colors.gray[100],
            DEFAULT: colors.white,
            emphasis: colors.gray[700],
          },
          border: { DEFAULT: colors.gray[200] },
          ring: { DEFAULT: colors.gray[200] },
          content: {
            subtle: colors.gray[400],
            DEFAULT: colors.gray[500],
            emphasis: colors.gray[700],
            strong: colors.gray[900],
            inverted: colors.white,
          },
        },
        "dark-tremor": {
          brand: {
            faint: "#0f0d2e",
            muted: brand[950],
            subtle: brand[800],
            DEFAULT: brand[400],
            emphasis: brand[300],
            inverted: brand[950],
          },
          background: {
            muted: colors.gray[950],
            subtle: colors.gray[800],
            DEFAULT: colors.gray[900],
            emphasis: colors.gray[300],
          },
          border: { DEFAULT: colors.gray[800] },
          ring: { DEFAULT: colors.gray[800] },
          content: {
            subtle: colors.gray[500],
            DEFAULT: colors.gray[400],
            emphasis: colors.gray[200],
            strong: colors.gray[50],
            inverted: colors.gray[950],
          },
        },
      },
      boxShadow: {
        "tremor-input": "0 1px 2px 0 rgb(0 0 0 / 0.05)",
        "tremor-card": "0 1px 3px 0 rgb(0 0 0 / 0.1), 0 1px 2px -1px rgb(0 0 0 / 0.1)",
        "tremor-dropdown": "0 4px 6px -1px rgb(0 0 0 / 0.1), 0 2px 4px -2px rgb(0 0 0 / 0.1)",
        "dark-tremor-input": "0 1px 2px 0 rgb(0 0 0 / 0.05)",
        "dark-tremor-card": "0 1px 3px 0 rgb(0 0 0 / 0.1), 0 1px 2px -1px rgb(0 0 0 / 0.1)",
        "dark-tremor-dropdown": "0 4px 6px -1px rgb(0 0 0 / 0.1), 0 2px 4px -2px rgb(0 0 0 / 0.1)",
      },
      borderRadius: {
        "tremor-small": "0.375rem",
        "tremor-default": "0.5rem",
        "tremor-full": "9999px",
      },
      fontSize: {
        "tremor-label": ["0.75rem", { lineHeight: "1rem" }],
        "tremor-default": ["0.875rem", { lineHeight: "1.25rem" }],
        "tremor-title": ["1.125rem", { lineHeight: "1.75rem" }],
        "tremor-metric": ["1.875rem", { lineHeight: "2.25rem" }],
      },
    },
  },
  safelist: [
    safelistFor("bg", interactive),
    safelistFor("text", interactive),
    safelistFor("border", interactive),
    safelistFor("ring"),
    safelistFor("stroke"),
    safelistFor("fill"),
  ],
  plugins: [
    forms,
    // Minimal stand-in for @headlessui/tailwindcss's `ui-selected` (not installed).
    plugin(({ addVariant }) => {
      addVariant("ui-selected", [
        '&[data-headlessui-state~="selected"]',
        ':where([data-headlessui-state~="selected"]) &',
      ]);
    }),
  ],
};

export default config;
