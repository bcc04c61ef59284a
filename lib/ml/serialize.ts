/**
 * A tf.LayersModel as one byte array, for ModelVersion.weights.
 *
 * Layout (little-endian):
 *   "FSML" | u32 format version | u32 header length | header JSON (UTF-8) | weight data
 * The header holds the model topology, the weight specs (names, shapes, dtypes
 * in the order of the weight data), the training config if any, and the weight
 * data's length as a check. One blob means one database column, and a model is
 * saved and loaded in one query with nothing left on disk.
 */
import type { LayersModel, io } from "@tensorflow/tfjs";
import { loadTensorFlow } from "./backend.ts";

const MAGIC = "FSML";
export const MODEL_FORMAT_VERSION = 1;
const PREAMBLE = 12;

interface Header {
  modelTopology: io.ModelArtifacts["modelTopology"];
  weightSpecs: io.WeightsManifestEntry[];
  trainingConfig?: io.TrainingConfig;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  weightBytes: number;
}

export async function modelToBytes(model: LayersModel): Promise<Uint8Array> {
  const tf = await loadTensorFlow();
  let out: Uint8Array | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      if (!artifacts.modelTopology || artifacts.modelTopology instanceof ArrayBuffer) {
        throw new Error("Only models with a JSON topology (tf.LayersModel) can be saved");
      }
      const weights = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0)));
      const header: Header = {
        modelTopology: artifacts.modelTopology,
        weightSpecs: artifacts.weightSpecs ?? [],
        trainingConfig: artifacts.trainingConfig,
        format: artifacts.format,
        generatedBy: artifacts.generatedBy,
        convertedBy: artifacts.convertedBy,
        weightBytes: weights.byteLength,
      };
      const json = new TextEncoder().encode(JSON.stringify(header));
      out = new Uint8Array(PREAMBLE + json.byteLength + weights.byteLength);
      out.set(new TextEncoder().encode(MAGIC), 0);
      const view = new DataView(out.buffer);
      view.setUint32(4, MODEL_FORMAT_VERSION, true);
      view.setUint32(8, json.byteLength, true);
      out.set(json, PREAMBLE);
      out.set(weights, PREAMBLE + json.byteLength);
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  if (!out) throw new Error("The model was not saved");
  return out;
}

/** Reads the blob written by modelToBytes; a foreign or damaged blob is refused with a clear message. */
export async function modelFromBytes(bytes: Uint8Array): Promise<LayersModel> {
  const { header, weights } = readModelBytes(bytes);
  const tf = await loadTensorFlow();
  // Copy into a fresh ArrayBuffer: `bytes` may be a view into a larger buffer (a database driver's).
  const weightData = weights.slice().buffer;
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: header.modelTopology,
      weightSpecs: header.weightSpecs,
      weightData,
      trainingConfig: header.trainingConfig,
      format: header.format,
      generatedBy: header.generatedBy,
      convertedBy: header.convertedBy,
    }),
  );
}

/** Splits a blob into its header and weight data without loading TensorFlow.js. */
export function readModelBytes(bytes: Uint8Array): { version: number; header: Header; weights: Uint8Array } {
  const bad = (why: string) => new Error(`Not a readable Foresight model: ${why}`);
  if (bytes.byteLength < PREAMBLE || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) {
    throw bad("missing FSML header");
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== MODEL_FORMAT_VERSION) {
    throw bad(`format version ${version}; this build reads version ${MODEL_FORMAT_VERSION}`);
  }
  const headerLength = view.getUint32(8, true);
  if (PREAMBLE + headerLength > bytes.byteLength) throw bad("truncated header");
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(PREAMBLE, PREAMBLE + headerLength))) as Header;
  } catch {
    throw bad("damaged header");
  }
  const weights = bytes.subarray(PREAMBLE + headerLength);
  if (weights.byteLength !== header.weightBytes) {
    throw bad(`weight data is ${weights.byteLength} bytes, expected ${header.weightBytes}`);
  }
  return { version, header, weights };
}
