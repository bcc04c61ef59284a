/** Class names shared by the app's data tables, so every list looks the same. */
export const tableFrame =
  "overflow-x-auto rounded-tremor-default border border-tremor-border dark:border-dark-tremor-border";
export const tableHead =
  "bg-tremor-background-muted text-tremor-label uppercase tracking-wide text-tremor-content dark:bg-dark-tremor-background-muted dark:text-dark-tremor-content";
export const tableBody = "divide-y divide-tremor-border dark:divide-dark-tremor-border";
