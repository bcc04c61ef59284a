import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";
import { addMember, makeUser } from "../testing/factories.ts";
import {
  describeBackend,
  forgetMlBackend,
  getMlBackend,
  initMlBackend,
  loadTensorFlow,
  probeCudaDevice,
  selectBackend,
  type ModuleLoader,
} from "./backend.ts";
import { currentModel, fingerprint, listModels, registerModel, rollbackModel } from "./registry.ts";
import { modelFromBytes, modelToBytes, readModelBytes } from "./serialize.ts";

// ───────────── backend selection with simulated packages ─────────────

/** A stand-in for @tensorflow/tfjs: knows which backends are registered and whether each starts. */
function fakeTf(opts: { wasmStarts?: boolean; simd?: boolean } = {}) {
  const registered = new Set(["cpu"]);
  let active = "cpu";
  const tf = {
    registered,
    setBackend: async (name: string) => {
      if (!registered.has(name) || (name === "wasm" && opts.wasmStarts === false)) return false;
      active = name;
      return true;
    },
    ready: async () => undefined,
    getBackend: () => active,
    backend: () => ({}),
    env: () => ({
      getAsync: async (flag: string) => (flag === "WASM_HAS_SIMD_SUPPORT" ? (opts.simd ?? true) : false),
    }),
  };
  return tf;
}

type Present = "gpu" | "node" | "wasm";
const PACKAGES: Record<Present, string> = {
  gpu: "@tensorflow/tfjs-node-gpu",
  node: "@tensorflow/tfjs-node",
  wasm: "@tensorflow/tfjs-backend-wasm",
};

/**
 * A loader where only `present` packages exist; `broken` ones exist but throw on import (like a missing
 * libcudart), `dead` ones import but register no backend.
 */
function fakeLoader(
  present: Present[],
  opts: { broken?: Present[]; dead?: Present[]; wasmStarts?: boolean; simd?: boolean } = {},
) {
  const tf = fakeTf(opts);
  const loaded: string[] = [];
  const load: ModuleLoader = async (name) => {
    loaded.push(name);
    if (name === "@tensorflow/tfjs") return tf;
    const kind = (Object.keys(PACKAGES) as Present[]).find((k) => PACKAGES[k] === name);
    if (!kind || !present.includes(kind)) {
      throw Object.assign(new Error(`Cannot find package '${name}' imported from /app/lib/ml/backend.ts`), {
        code: "ERR_MODULE_NOT_FOUND",
      });
    }
    if (opts.broken?.includes(kind)) {
      throw new Error("libcudart.so.11.0: cannot open shared object file: No such file or directory");
    }
    if (!opts.dead?.includes(kind)) tf.registered.add(kind === "wasm" ? "wasm" : "tensorflow");
    return {};
  };
  return { load, loaded };
}

const gpu = (available: boolean) => async () =>
  available ? { available, detail: "NVIDIA H100 80GB HBM3" } : { available, detail: "nvidia-smi not found" };

describe("ML backend selection", () => {
  it("auto picks the CUDA GPU when tfjs-node-gpu loads and a GPU is present", async () => {
    const { load } = fakeLoader(["gpu", "node", "wasm"]);
    const sel = await selectBackend({ preference: "auto", load, gpuProbe: gpu(true) });
    expect(sel).toMatchObject({ backend: "gpu", tfBackendName: "tensorflow" });
    expect(sel.reason).toBe("CUDA GPU: NVIDIA H100 80GB HBM3");
    expect(sel.tried).toEqual([
      { name: "@tensorflow/tfjs-node-gpu", ok: true, detail: "CUDA GPU: NVIDIA H100 80GB HBM3" },
    ]);
    expect(describeBackend(sel)).toBe("CUDA GPU via tfjs-node-gpu (NVIDIA H100 80GB HBM3)");
  });

  it("auto does not load tfjs-node-gpu without a GPU and uses tfjs-node", async () => {
    const { load, loaded } = fakeLoader(["gpu", "node", "wasm"]);
    const sel = await selectBackend({ preference: "auto", load, gpuProbe: gpu(false) });
    expect(sel.backend).toBe("node");
    expect(loaded).not.toContain("@tensorflow/tfjs-node-gpu");
    expect(sel.reason).toBe("no CUDA device; native TensorFlow on the CPU");
    expect(sel.tried.map((t) => [t.name, t.ok])).toEqual([
      ["@tensorflow/tfjs-node-gpu", false],
      ["@tensorflow/tfjs-node", true],
    ]);
    expect(describeBackend(sel)).toBe("Native TensorFlow (CPU) via tfjs-node");
  });

  it("auto falls back to tfjs-node when a GPU is present but tfjs-node-gpu is not installed", async () => {
    const { load } = fakeLoader(["node", "wasm"]);
    const sel = await selectBackend({ preference: "auto", load, gpuProbe: gpu(true) });
    expect(sel.backend).toBe("node");
    expect(sel.reason).toBe("tfjs-node-gpu not installed; native TensorFlow on the CPU");
  });

  it("auto uses WebAssembly when neither native package is installed", async () => {
    const { load } = fakeLoader(["wasm"]);
    const sel = await selectBackend({ preference: "auto", load, gpuProbe: gpu(false) });
    expect(sel).toMatchObject({ backend: "wasm", tfBackendName: "wasm", features: { simd: true, threads: false } });
    expect(sel.reason).toBe("no CUDA device; tfjs-node not installed; WASM SIMD available");
    expect(sel.tried.map((t) => t.ok)).toEqual([false, false, true]);
    expect(sel.tried[1].detail).toBe("@tensorflow/tfjs-node is not installed");
    expect(describeBackend(sel)).toBe("WebAssembly (CPU, SIMD)");
  });

  it("auto ends on the pure-JS cpu backend when WebAssembly does not start", async () => {
    const { load } = fakeLoader(["wasm"], { wasmStarts: false });
    const sel = await selectBackend({ preference: "auto", load, gpuProbe: gpu(false) });
    expect(sel.backend).toBe("cpu");
    expect(sel.reason).toBe("no CUDA device; tfjs-node not installed; WASM did not start; pure JavaScript, slowest");
    expect(describeBackend(sel)).toBe("JavaScript (CPU, slowest)");
  });

  it("an explicit gpu that cannot be had says why and what it uses instead", async () => {
    const notInstalled = await selectBackend({
      preference: "gpu",
      load: fakeLoader(["wasm"]).load,
      gpuProbe: gpu(true),
    });
    expect(notInstalled.backend).toBe("wasm");
    expect(notInstalled.reason).toBe(
      "ML_BACKEND=gpu was asked for, but @tensorflow/tfjs-node-gpu is not installed; using wasm " +
        "(tfjs-node not installed; WASM SIMD available)",
    );

    const noDevice = await selectBackend({
      preference: "gpu",
      load: fakeLoader(["gpu", "wasm"]).load,
      gpuProbe: gpu(false),
    });
    expect(noDevice.backend).toBe("wasm");
    expect(noDevice.reason).toMatch(
      /^ML_BACKEND=gpu was asked for, but no CUDA device was found \(nvidia-smi not found\); using wasm/,
    );

    // Installed, GPU present, but the CUDA libraries are missing: the load error is quoted.
    const broken = fakeLoader(["gpu", "node", "wasm"], { broken: ["gpu"] });
    const sel = await selectBackend({ preference: "gpu", load: broken.load, gpuProbe: gpu(true) });
    expect(sel.backend).toBe("node");
    expect(sel.reason).toMatch(
      /^ML_BACKEND=gpu was asked for, but @tensorflow\/tfjs-node-gpu failed to load \(libcudart\.so\.11\.0: cannot open.*\); using node/,
    );

    // tfjs-node-gpu loaded its TensorFlow library but the backend did not start: tfjs-node is not loaded beside it.
    const dead = fakeLoader(["gpu", "node", "wasm"], { dead: ["gpu"] });
    const d = await selectBackend({ preference: "gpu", load: dead.load, gpuProbe: gpu(true) });
    expect(d.backend).toBe("wasm");
    expect(dead.loaded).not.toContain("@tensorflow/tfjs-node");
    expect(d.reason).toBe(
      'ML_BACKEND=gpu was asked for, but @tensorflow/tfjs-node-gpu loaded, yet its "tensorflow" backend did not start; ' +
        "using wasm (tfjs-node skipped; WASM SIMD available)",
    );
  });

  it("an explicit node falls back to wasm, never up to the GPU", async () => {
    const { load, loaded } = fakeLoader(["gpu", "wasm"]);
    const sel = await selectBackend({ preference: "node", load, gpuProbe: gpu(true) });
    expect(sel.backend).toBe("wasm");
    expect(loaded).not.toContain("@tensorflow/tfjs-node-gpu");
    expect(sel.reason).toBe(
      "ML_BACKEND=node was asked for, but @tensorflow/tfjs-node is not installed; using wasm (WASM SIMD available)",
    );
  });

  it("honours explicit wasm and cpu without trying the native packages", async () => {
    const wasm = fakeLoader(["gpu", "node", "wasm"], { simd: false });
    const w = await selectBackend({ preference: "wasm", load: wasm.load, gpuProbe: gpu(true) });
    expect(w).toMatchObject({ backend: "wasm", reason: "ML_BACKEND=wasm; WASM without SIMD" });
    expect(wasm.loaded).toEqual(["@tensorflow/tfjs", "@tensorflow/tfjs-backend-wasm"]);
    expect(describeBackend(w)).toBe("WebAssembly (CPU)");

    const cpu = fakeLoader(["gpu", "node", "wasm"]);
    const c = await selectBackend({ preference: "cpu", load: cpu.load, gpuProbe: gpu(true) });
    expect(c).toMatchObject({ backend: "cpu", reason: "ML_BACKEND=cpu; pure JavaScript, slowest" });
    expect(cpu.loaded).toEqual(["@tensorflow/tfjs"]);

    const wasmMissing = await selectBackend({ preference: "wasm", load: fakeLoader([]).load, gpuProbe: gpu(false) });
    expect(wasmMissing.reason).toBe(
      "ML_BACKEND=wasm was asked for, but @tensorflow/tfjs-backend-wasm is not installed; using cpu (pure JavaScript, slowest)",
    );
    await expect(selectBackend({ preference: "tpu" as never, load: fakeLoader([]).load })).rejects.toThrow(
      /Unknown ML backend "tpu"/,
    );
  });

  it("probes for a CUDA device through the driver file or nvidia-smi", async () => {
    const noSmi = async () => {
      throw Object.assign(new Error("spawn nvidia-smi ENOENT"), { code: "ENOENT" });
    };
    expect(
      await probeCudaDevice({
        exists: (p) => p === "/proc/driver/nvidia/version",
        readFile: () => "NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.15\nGCC version: 12\n",
        run: noSmi,
      }),
    ).toEqual({ available: true, detail: "NVIDIA driver: NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.54.15" });
    expect(
      await probeCudaDevice({
        exists: () => false,
        run: async () =>
          "GPU 0: NVIDIA H100 80GB HBM3 (UUID: GPU-1234)\nGPU 1: NVIDIA H100 80GB HBM3 (UUID: GPU-5678)\n",
      }),
    ).toEqual({ available: true, detail: "NVIDIA H100 80GB HBM3 (+1 more)" });
    expect(await probeCudaDevice({ exists: () => false, run: noSmi })).toEqual({
      available: false,
      detail: "nvidia-smi not found, no /proc/driver/nvidia/version",
    });
    expect(await probeCudaDevice({ exists: () => false, run: async () => "No devices found.\n" })).toEqual({
      available: false,
      detail: "nvidia-smi lists no GPU, no /proc/driver/nvidia/version",
    });
  });

  it("really starts the pure-JS cpu backend of @tensorflow/tfjs", async () => {
    const sel = await selectBackend({ preference: "cpu" });
    const tf = await loadTensorFlow();
    expect(sel.backend).toBe("cpu");
    expect(tf.getBackend()).toBe("cpu");
    expect(Array.from(await tf.tensor([1, 2, 3]).square().data())).toEqual([1, 4, 9]);
  });

  it("really starts the WebAssembly backend, once per process through initMlBackend", async () => {
    forgetMlBackend();
    const lines: string[] = [];
    const first = initMlBackend("wasm", (l) => lines.push(l));
    const second = initMlBackend("cpu", (l) => lines.push(l));
    expect(second).toBe(first);
    const sel = await first;
    const tf = await loadTensorFlow();
    expect(sel.backend).toBe("wasm");
    expect(tf.getBackend()).toBe("wasm");
    expect(getMlBackend()).toBe(sel);
    expect(lines).toEqual([`ML backend: wasm (${sel.reason})`]);
    expect(Array.from(await tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]])).data())).toEqual([11]);
    forgetMlBackend();
    expect(getMlBackend()).toBeUndefined();
  });
});

// ───────────── serialisation ─────────────

describe("model serialisation", () => {
  it("round-trips a small dense model into one byte array with identical predictions", async () => {
    const tf = await loadTensorFlow();
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [4], units: 8, activation: "relu" }),
        tf.layers.dense({ units: 3, activation: "softmax" }),
      ],
    });
    model.compile({ optimizer: "adam", loss: "categoricalCrossentropy" });
    const x = tf.tensor2d([
      [0.1, 0.2, 0.3, 0.4],
      [1, -1, 0.5, 2],
      [-0.3, 0.7, 0, 1.5],
    ]);
    await model.fit(x, tf.oneHot(tf.tensor1d([0, 1, 2], "int32"), 3), { epochs: 2, verbose: 0 });
    const before = await (model.predict(x) as import("@tensorflow/tfjs").Tensor).data();

    const bytes = await modelToBytes(model);
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe("FSML");
    expect(readModelBytes(bytes).header.weightSpecs.map((w) => w.shape)).toEqual([[4, 8], [8], [8, 3], [3]]);

    // As a database driver hands it back: a view at an offset into a larger buffer.
    const padded = new Uint8Array(bytes.byteLength + 7);
    padded.set(bytes, 7);
    const loaded = await modelFromBytes(padded.subarray(7));
    const after = await (loaded.predict(x) as import("@tensorflow/tfjs").Tensor).data();
    expect(Array.from(after)).toEqual(Array.from(before));
  });

  it("refuses bytes that are not a model, or are cut short", async () => {
    await expect(modelFromBytes(new TextEncoder().encode("hello world, not a model"))).rejects.toThrow(
      /Not a readable Foresight model: missing FSML header/,
    );
    const tf = await loadTensorFlow();
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 1 })] });
    const bytes = await modelToBytes(model);
    expect(() => readModelBytes(bytes.subarray(0, bytes.byteLength - 4))).toThrow(/weight data is/);
  });
});

// ───────────── registry ─────────────

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.destroy();
});

const blob = (n: number) => new Uint8Array(n).fill(7);

describe("model registry", () => {
  it("numbers versions, keeps one current, and rolls back for admins only", async () => {
    const owner = await makeUser(t.prisma);
    const ws = owner.workspace.id;
    const v1 = await registerModel(t.prisma, {
      workspaceId: ws,
      kind: "SENTIMENT",
      dataFingerprint: fingerprint([["a", "POSITIVE"]]),
      metrics: { accuracy: 0.81 },
      backend: "wasm",
      weights: blob(10),
    });
    const v2 = await registerModel(t.prisma, {
      workspaceId: ws,
      kind: "SENTIMENT",
      dataFingerprint: fingerprint([["b", "NEGATIVE"]]),
      metrics: { accuracy: 0.78 },
      backend: "wasm",
      weights: blob(20),
    });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    let current = await currentModel(t.prisma, ws, "SENTIMENT");
    expect(current).toMatchObject({ version: 2, isBase: false, metrics: { accuracy: 0.78 } });
    expect(current!.weights).toEqual(blob(20));

    const listed = await listModels(owner.ctx, "SENTIMENT");
    expect(listed.map((m) => [m.version, m.isCurrent, m.sizeBytes])).toEqual([
      [2, true, 20],
      [1, false, 10],
    ]);
    expect(listed[0]).not.toHaveProperty("weights");

    for (const role of ["VIEWER", "ANALYST"] as const) {
      const u = await makeUser(t.prisma);
      const member = await addMember(owner.ctx, u.user.id, role);
      await expect(rollbackModel(member, "SENTIMENT", 1)).rejects.toMatchObject({ code: "forbidden" });
      expect(await listModels(member)).toHaveLength(2); // reading is allowed
    }
    const a = await makeUser(t.prisma);
    const admin = await addMember(owner.ctx, a.user.id, "ADMIN");
    const rolled = await rollbackModel(admin, "SENTIMENT", 1);
    expect(rolled).toMatchObject({ version: 1, isCurrent: true, sizeBytes: 10 });
    current = await currentModel(t.prisma, ws, "SENTIMENT");
    expect(current).toMatchObject({ version: 1 });
    expect(current!.weights).toEqual(blob(10));
    expect((await listModels(owner.ctx)).filter((m) => m.isCurrent).map((m) => m.version)).toEqual([1]);

    const entry = await t.prisma.auditLog.findFirstOrThrow({ where: { workspaceId: ws, action: "model.rollback" } });
    expect(entry).toMatchObject({
      actorUserId: a.user.id,
      targetId: v1.id,
      metadata: { kind: "SENTIMENT", version: 1, previousVersion: 2 },
    });
    await expect(rollbackModel(owner.ctx, "SENTIMENT", 9)).rejects.toMatchObject({ code: "not_found" });
    await expect(rollbackModel(owner.ctx, "THEMES", 1)).rejects.toMatchObject({ code: "not_found" });
    await expect(rollbackModel(owner.ctx, "SENTIMENT", 0)).rejects.toMatchObject({ code: "invalid_input" });

    // A new training still becomes the current one, numbered after the highest.
    const v3 = await registerModel(t.prisma, {
      workspaceId: ws,
      kind: "SENTIMENT",
      dataFingerprint: "x",
      weights: blob(1),
    });
    expect(v3).toMatchObject({ version: 3, isCurrent: true });
    const kept = await registerModel(t.prisma, {
      workspaceId: ws,
      kind: "SENTIMENT",
      dataFingerprint: "y",
      weights: blob(1),
      makeCurrent: false,
    });
    expect(kept).toMatchObject({ version: 4, isCurrent: false });
    expect((await currentModel(t.prisma, ws, "SENTIMENT"))!.version).toBe(3);
  });

  it("keeps workspaces apart", async () => {
    const a = await makeUser(t.prisma);
    const b = await makeUser(t.prisma);
    await registerModel(t.prisma, {
      workspaceId: a.workspace.id,
      kind: "FORECAST",
      dataFingerprint: "f",
      weights: blob(3),
    });
    await registerModel(t.prisma, {
      workspaceId: a.workspace.id,
      kind: "FORECAST",
      dataFingerprint: "g",
      weights: blob(4),
    });
    expect(await listModels(b.ctx)).toEqual([]);
    expect(await listModels(b.ctx, "FORECAST")).toEqual([]);
    await expect(rollbackModel(b.ctx, "FORECAST", 1)).rejects.toMatchObject({ code: "not_found" });
    expect(await currentModel(t.prisma, b.workspace.id, "FORECAST")).toBeNull();
    expect((await currentModel(t.prisma, a.workspace.id, "FORECAST"))!.version).toBe(2);
    // b's first model is its version 1, whatever a has.
    const own = await registerModel(t.prisma, {
      workspaceId: b.workspace.id,
      kind: "FORECAST",
      dataFingerprint: "h",
      weights: blob(5),
    });
    expect(own.version).toBe(1);
  });

  it("falls back to the current base model until the workspace trains its own", async () => {
    const u = await makeUser(t.prisma);
    const ws = u.workspace.id;
    expect(await currentModel(t.prisma, ws, "THEMES")).toBeNull();
    await registerModel(t.prisma, { workspaceId: null, kind: "THEMES", dataFingerprint: "base1", weights: blob(2) });
    const base2 = await registerModel(t.prisma, {
      workspaceId: null,
      kind: "THEMES",
      dataFingerprint: "base2",
      weights: blob(6),
    });
    expect(await currentModel(t.prisma, ws, "THEMES")).toMatchObject({
      id: base2.id,
      workspaceId: null,
      isBase: true,
      version: 2,
    });
    expect(await listModels(u.ctx, "THEMES")).toEqual([]); // base models are not the workspace's versions
    await expect(rollbackModel(u.ctx, "THEMES", 1)).rejects.toMatchObject({ code: "not_found" });
    const own = await registerModel(t.prisma, {
      workspaceId: ws,
      kind: "THEMES",
      dataFingerprint: "mine",
      weights: blob(1),
    });
    expect(await currentModel(t.prisma, ws, "THEMES")).toMatchObject({ id: own.id, isBase: false, version: 1 });
  });

  it("gives racing registrations distinct versions and one current model (base models too)", async () => {
    const u = await makeUser(t.prisma);
    for (const workspaceId of [u.workspace.id, null]) {
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          registerModel(t.prisma, {
            workspaceId,
            kind: "SENTIMENT",
            dataFingerprint: `race-${i}`,
            weights: blob(i + 1),
          }),
        ),
      );
      const rows = await t.prisma.modelVersion.findMany({ where: { workspaceId, kind: "SENTIMENT" } });
      expect(results.map((r) => r.version).sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(rows.filter((r) => r.isCurrent).map((r) => r.version)).toEqual([6]);
    }
  });

  it("validates what it stores", async () => {
    await expect(
      registerModel(t.prisma, { workspaceId: null, kind: "NOPE" as never, dataFingerprint: "x", weights: blob(1) }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    await expect(
      registerModel(t.prisma, { workspaceId: null, kind: "THEMES", dataFingerprint: "", weights: blob(1) }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("fingerprint", () => {
  it("is a stable sha256 that ignores row order but not content", () => {
    const fp = fingerprint([
      ["item1", "POSITIVE"],
      ["item2", "NEGATIVE"],
    ]);
    expect(fp).toMatch(/^[0-9a-f]{64}$/);
    expect(
      fingerprint([
        ["item2", "NEGATIVE"],
        ["item1", "POSITIVE"],
      ]),
    ).toBe(fp);
    expect(
      fingerprint([
        ["item1", "NEGATIVE"],
        ["item2", "NEGATIVE"],
      ]),
    ).not.toBe(fp);
    expect(fingerprint(["a|b"])).not.toBe(fingerprint(["a", "b"]));
    // Pinned: a change to the scheme must be deliberate (and bump its "v1" tag).
    expect(fingerprint([["item1", "POSITIVE"]])).toBe(
      "c0467b61e52cc50d7ee87ef373eecf1072ef1d43f9490396182b63a5975a7920",
    );
  });
});
