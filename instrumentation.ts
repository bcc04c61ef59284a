/** Next.js calls register() once when a server process starts: the app's own job worker starts here. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startInAppWorker } = await import("./jobs/in-app.ts");
  startInAppWorker();
}
