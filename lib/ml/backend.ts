/**
 * Chooses the TensorFlow.js backend once per process.
 *
 * Order (ML_BACKEND=auto): CUDA GPU through @tensorflow/tfjs-node-gpu, the native
 * TensorFlow C library through @tensorflow/tfjs-node, WebAssembly through
 * @tensorflow/tfjs-backend-wasm, then the pure-JavaScript `cpu` backend.
 * The two native packages download libtensorflow at install, which fails on
 * many machines, so they are never dependencies: they are used only when a
 * user installed them. An explicit preference that cannot be met falls back
 * along the same chain and the reason says so.
 *
 * Every module, @tensorflow/tfjs included, is loaded through `load`, so that
 * importing this file costs nothing, Next's bundler leaves the optional
 * packages alone, and tests can simulate each package being present or absent.
 * The caller passes the preference in (lib/env.ts reads ML_BACKEND).
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

type Tf = typeof import("@tensorflow/tfjs");

export const ML_BACKEND_PREFERENCES = ["auto", "gpu", "node", "wasm", "cpu"] as const;
export type MlBackendPreference = (typeof ML_BACKEND_PREFERENCES)[number];
export type MlBackendKind = Exclude<MlBackendPreference, "auto">;

export interface BackendAttempt {
  /** The package (or backend) tried. */
  name: string;
  ok: boolean;
  detail: string;
}

export interface BackendSelection {
  backend: MlBackendKind;
  /** The name TensorFlow.js knows the backend by ("tensorflow", "wasm", "cpu"). */
  tfBackendName: string;
  /** One line for logs and the UI: what was chosen and why. */
  reason: string;
  tried: BackendAttempt[];
  /** Time the selection took, loading included. */
  ms: number;
  features: { simd?: boolean; threads?: boolean; gpu?: string };
}

/** Loads a module by name; the default is Node's dynamic import. */
export type ModuleLoader = (moduleName: string) => Promise<unknown>;

export interface GpuProbeResult {
  available: boolean;
  /** What was found ("NVIDIA H100 80GB HBM3") or why not ("nvidia-smi not found"). */
  detail: string;
}

export interface SelectOptions {
  preference: MlBackendPreference;
  load?: ModuleLoader;
  /** Whether a CUDA device is usable; checked before tfjs-node-gpu is loaded. */
  gpuProbe?: () => Promise<GpuProbeResult>;
}

const TFJS = "@tensorflow/tfjs";
const TFJS_NODE_GPU = "@tensorflow/tfjs-node-gpu";
const TFJS_NODE = "@tensorflow/tfjs-node";
const TFJS_WASM = "@tensorflow/tfjs-backend-wasm";

/**
 * The default loader. The comments keep webpack and Turbopack from resolving
 * (and failing on) packages that are not installed; Node loads them at run time.
 */
export const defaultLoad: ModuleLoader = (moduleName) =>
  import(/* webpackIgnore: true */ /* turbopackIgnore: true */ moduleName);

/** @tensorflow/tfjs itself, loaded on first use (it takes a few hundred ms). */
export async function loadTensorFlow(load: ModuleLoader = defaultLoad): Promise<Tf> {
  return interop<Tf>(await load(TFJS), "setBackend");
}

/** A CommonJS package imported from ESM may come as the namespace or under `default`. */
function interop<T>(mod: unknown, probe: string): T {
  const m = mod as Record<string, unknown> | undefined;
  if (m && typeof m[probe] !== "function" && m.default && typeof m.default === "object") return m.default as T;
  return m as T;
}

export interface CudaProbeDeps {
  exists?: (path: string) => boolean;
  readFile?: (path: string) => string;
  /** Runs a command and resolves with its stdout; rejects when it fails or is missing. */
  run?: (cmd: string, args: string[]) => Promise<string>;
}

const runCommand = (cmd: string, args: string[]) =>
  new Promise<string>((resolve, reject) => {
    execFile(cmd, args, { timeout: 5000 }, (err, stdout) => (err ? reject(err) : resolve(String(stdout))));
  });

/**
 * Whether this machine has a usable NVIDIA GPU: the kernel driver is loaded
 * (/proc/driver/nvidia/version) or `nvidia-smi -L` lists a GPU. Cheap, and it
 * loads nothing, which is why it runs before tfjs-node-gpu is imported.
 */
export async function probeCudaDevice(deps: CudaProbeDeps = {}): Promise<GpuProbeResult> {
  const exists = deps.exists ?? existsSync;
  const readFile = deps.readFile ?? ((p: string) => readFileSync(p, "utf8"));
  const run = deps.run ?? runCommand;
  let smi: string;
  try {
    const listed = (await run("nvidia-smi", ["-L"])).split("\n").filter((l) => /^GPU \d+:/.test(l.trim()));
    if (listed.length > 0) {
      const name = listed[0]
        .trim()
        .replace(/^GPU \d+:\s*/, "")
        .replace(/\s*\(UUID:.*\)$/, "");
      return { available: true, detail: listed.length > 1 ? `${name} (+${listed.length - 1} more)` : name };
    }
    smi = "nvidia-smi lists no GPU";
  } catch (err) {
    // Missing or failing: the driver file may still say a GPU is there.
    smi = (err as { code?: string }).code === "ENOENT" ? "nvidia-smi not found" : "nvidia-smi failed";
  }
  const versionFile = "/proc/driver/nvidia/version";
  if (exists(versionFile)) {
    let line = "";
    try {
      line = readFile(versionFile).split("\n")[0].trim();
    } catch {
      // Unreadable: its presence is enough.
    }
    return { available: true, detail: line ? `NVIDIA driver: ${line}` : "NVIDIA driver loaded" };
  }
  return { available: false, detail: `${smi}, no ${versionFile}` };
}

type StepResult =
  | { ok: true; tfBackendName: string; note: string; features?: BackendSelection["features"] }
  /** `long` reads after "but" ("@tensorflow/tfjs-node is not installed"); `short` goes in auto's reason. */
  | { ok: false; short: string; long: string };

const isNotInstalled = (err: unknown, moduleName: string): boolean => {
  const e = err as { code?: string; message?: string } | undefined;
  const missing =
    e?.code === "ERR_MODULE_NOT_FOUND" ||
    e?.code === "MODULE_NOT_FOUND" ||
    /Cannot find (module|package)/.test(e?.message ?? "");
  return missing && (e?.message ?? "").includes(`'${moduleName}'`);
};

const firstLine = (err: unknown): string =>
  String((err as Error)?.message ?? err)
    .split("\n")[0]
    .slice(0, 200);

const CHAIN: MlBackendKind[] = ["gpu", "node", "wasm", "cpu"];

/**
 * Selects and activates a backend. Pure apart from the injected loader and
 * probe: tests pass fakes; the app calls initMlBackend, which memoises this.
 */
export async function selectBackend(opts: SelectOptions): Promise<BackendSelection> {
  const preference = opts.preference;
  if (!ML_BACKEND_PREFERENCES.includes(preference)) {
    throw new Error(`Unknown ML backend "${preference}"; expected one of ${ML_BACKEND_PREFERENCES.join(", ")}`);
  }
  const started = performance.now();
  const load = opts.load ?? defaultLoad;
  const gpuProbe = opts.gpuProbe ?? (() => probeCudaDevice());
  const tf = await loadTensorFlow(load);
  const chain = preference === "auto" ? CHAIN : CHAIN.slice(CHAIN.indexOf(preference));
  const tried: BackendAttempt[] = [];
  const failures: { short: string; long: string }[] = [];
  let nativeLoaded = false;

  /** Loads a native package (which registers and activates "tensorflow" on import) and checks it took. */
  const native = async (moduleName: string, label: string): Promise<StepResult> => {
    try {
      await load(moduleName);
    } catch (err) {
      if (isNotInstalled(err, moduleName)) {
        return { ok: false, short: `${label} not installed`, long: `${moduleName} is not installed` };
      }
      return {
        ok: false,
        short: `${label} failed to load`,
        long: `${moduleName} failed to load (${firstLine(err)})`,
      };
    }
    nativeLoaded = true;
    if (!(await activate(tf, "tensorflow"))) {
      return {
        ok: false,
        short: `${label} loaded but its backend did not start`,
        long: `${moduleName} loaded, yet its "tensorflow" backend did not start`,
      };
    }
    return { ok: true, tfBackendName: "tensorflow", note: "" };
  };

  const steps: Record<MlBackendKind, () => Promise<StepResult>> = {
    gpu: async () => {
      const probe = await gpuProbe();
      if (!probe.available) {
        return { ok: false, short: "no CUDA device", long: `no CUDA device was found (${probe.detail})` };
      }
      const r = await native(TFJS_NODE_GPU, "tfjs-node-gpu");
      return r.ok ? { ...r, note: `CUDA GPU: ${probe.detail}`, features: { gpu: probe.detail } } : r;
    },
    node: async () => {
      if (nativeLoaded) {
        // One TensorFlow C library per process: tfjs-node-gpu already loaded (and failed to start) one.
        return { ok: false, short: "tfjs-node skipped", long: `${TFJS_NODE} was skipped (tfjs-node-gpu is loaded)` };
      }
      const r = await native(TFJS_NODE, "tfjs-node");
      return r.ok ? { ...r, note: "native TensorFlow on the CPU" } : r;
    },
    wasm: async () => {
      try {
        await load(TFJS_WASM);
      } catch (err) {
        const missing = isNotInstalled(err, TFJS_WASM);
        return {
          ok: false,
          short: missing ? "WASM backend not installed" : "WASM backend failed to load",
          long: missing ? `${TFJS_WASM} is not installed` : `${TFJS_WASM} failed to load (${firstLine(err)})`,
        };
      }
      if (!(await activate(tf, "wasm"))) {
        return { ok: false, short: "WASM did not start", long: "the WebAssembly backend did not start" };
      }
      const simd = await flag(tf, "WASM_HAS_SIMD_SUPPORT");
      const threads = await flag(tf, "WASM_HAS_MULTITHREAD_SUPPORT");
      const parts = [simd ? "SIMD" : "", threads ? "threads" : ""].filter(Boolean);
      return {
        ok: true,
        tfBackendName: "wasm",
        note: parts.length ? `WASM ${parts.join(" + ")} available` : "WASM without SIMD",
        features: { simd, threads },
      };
    },
    cpu: async () => {
      if (!(await activate(tf, "cpu"))) {
        return { ok: false, short: "cpu did not start", long: "the cpu backend did not start" };
      }
      // The cpu backend prints advice to install tfjs-node on first use; our log line already explains the choice.
      const b = tf.backend() as unknown as { firstUse?: boolean };
      if (b && "firstUse" in b) b.firstUse = false;
      return { ok: true, tfBackendName: "cpu", note: "pure JavaScript, slowest" };
    },
  };

  const names: Record<MlBackendKind, string> = {
    gpu: TFJS_NODE_GPU,
    node: TFJS_NODE,
    wasm: TFJS_WASM,
    cpu: `${TFJS} cpu`,
  };
  for (const kind of chain) {
    const r = await steps[kind]();
    if (r.ok) {
      tried.push({ name: names[kind], ok: true, detail: r.note || `"${r.tfBackendName}" backend active` });
      return {
        backend: kind,
        tfBackendName: r.tfBackendName,
        reason: explain(preference, kind, r.note, failures),
        tried,
        ms: Math.round(performance.now() - started),
        features: r.features ?? {},
      };
    }
    tried.push({ name: names[kind], ok: false, detail: r.long });
    failures.push(r);
  }
  throw new Error(`No TensorFlow.js backend could start: ${failures.map((f) => f.long).join("; ")}`);
}

function explain(
  preference: MlBackendPreference,
  chosen: MlBackendKind,
  note: string,
  failures: { short: string; long: string }[],
): string {
  if (preference === "auto") return [...failures.map((f) => f.short), note].filter(Boolean).join("; ");
  if (chosen === preference) return [`ML_BACKEND=${preference}`, note].filter(Boolean).join("; ");
  const [first, ...rest] = failures;
  const after = [...rest.map((f) => f.short), note].filter(Boolean).join("; ");
  return `ML_BACKEND=${preference} was asked for, but ${first.long}; using ${chosen}${after ? ` (${after})` : ""}`;
}

/** setBackend + ready; false when the backend is unknown or its initialisation fails. */
async function activate(tf: Tf, name: string): Promise<boolean> {
  try {
    const ok = await tf.setBackend(name);
    if (!ok) return false;
    await tf.ready();
    return tf.getBackend() === name;
  } catch {
    return false;
  }
}

async function flag(tf: Tf, name: string): Promise<boolean> {
  try {
    return Boolean(await tf.env().getAsync(name));
  } catch {
    return false;
  }
}

// ───────────── one selection per process ─────────────

const globalForMl = globalThis as unknown as {
  __foresightMlBackend?: { promise: Promise<BackendSelection>; selection?: BackendSelection };
};

/**
 * Selects the backend on first call and returns the same selection after
 * (kept on globalThis, so Next's duplicated module instances share it). Later
 * calls with another preference get the first selection: a process has one backend.
 */
export function initMlBackend(
  preference: MlBackendPreference,
  log: (line: string) => void = (line) => console.log(line),
): Promise<BackendSelection> {
  const existing = globalForMl.__foresightMlBackend;
  if (existing) return existing.promise;
  const entry: { promise: Promise<BackendSelection>; selection?: BackendSelection } = {
    promise: selectBackend({ preference }).then((sel) => {
      entry.selection = sel;
      log(`ML backend: ${sel.backend} (${sel.reason})`);
      return sel;
    }),
  };
  // A failed selection is not cached: the next call tries again.
  entry.promise.catch(() => {
    if (globalForMl.__foresightMlBackend === entry) globalForMl.__foresightMlBackend = undefined;
  });
  globalForMl.__foresightMlBackend = entry;
  return entry.promise;
}

/** The selection made by initMlBackend, once it has finished; undefined before. */
export function getMlBackend(): BackendSelection | undefined {
  return globalForMl.__foresightMlBackend?.selection;
}

/** Forgets the process's selection (tests only; the active TensorFlow.js backend stays as it is). */
export function forgetMlBackend(): void {
  globalForMl.__foresightMlBackend = undefined;
}

/** Short human text for the UI ("WebAssembly (CPU, SIMD)"). */
export function describeBackend(sel: Pick<BackendSelection, "backend" | "features">): string {
  switch (sel.backend) {
    case "gpu":
      return sel.features.gpu ? `CUDA GPU via tfjs-node-gpu (${sel.features.gpu})` : "CUDA GPU via tfjs-node-gpu";
    case "node":
      return "Native TensorFlow (CPU) via tfjs-node";
    case "wasm": {
      const extras = [sel.features.simd ? "SIMD" : "", sel.features.threads ? "threads" : ""].filter(Boolean);
      return `WebAssembly (CPU${extras.length ? `, ${extras.join(", ")}` : ""})`;
    }
    case "cpu":
      return "JavaScript (CPU, slowest)";
  }
}
