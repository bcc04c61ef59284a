import { clsx, type ClassValue } from "clsx";
import { extendTailwindMerge } from "tailwind-merge";

// Teach tailwind-merge Tremor's custom tokens; otherwise `text-tremor-default` (a font size)
// and `text-tremor-content` (a color) look like the same utility and one gets dropped.
const twMerge = extendTailwindMerge({
  extend: {
    classGroups: {
      "font-size": [{ text: ["tremor-label", "tremor-default", "tremor-title", "tremor-metric"] }],
      shadow: [
        {
          shadow: [
            "tremor-input",
            "tremor-card",
            "tremor-dropdown",
            "dark-tremor-input",
            "dark-tremor-card",
            "dark-tremor-dropdown",
          ],
        },
      ],
      rounded: [{ rounded: ["tremor-small", "tremor-default", "tremor-full"] }],
    },
  },
});

/** Conditional class names with Tailwind conflict resolution (last one wins). */
export function cx(...args: ClassValue[]): string {
  return twMerge(clsx(args));
}
